// Where the focus goes when htmx replaces what had it (issue 13.12). Left alone, it falls to <body> and a
// keyboard user starts again from the top of the page. After the swap, instead:
// - a pager link (rel="next" or "prev") brings the user to the new page: the results region takes the focus
//   and is scrolled into view when its top is out of sight;
// - content that brings an element with autofocus (a revealed secret) has it focused, by htmx itself;
// - otherwise the element the user acted on is found again in the new content and focused: the same id, or
//   the same place and text (the sorted column's header link), or the same place;
// - failing all of that, the region itself, so that the next Tab goes on from where the user was.
// Requests that leave the focused element in the page (typing in a filter) are not touched.
(function () {
    "use strict";

    /** What each request's swap must restore, by its XMLHttpRequest. */
    var remembered = new WeakMap();

    /** The tag names from just inside region down to element: where it sits, whatever the texts. */
    function placeWithin(region, element) {
        var tags = [];
        for (var e = element; e && e !== region; e = e.parentElement) {
            tags.unshift(e.tagName);
        }
        return tags.join(">");
    }

    function textOf(element) {
        return (element.getAttribute("aria-label") || element.textContent || "").replace(/\s+/g, " ").trim();
    }

    function isPagerLink(element) {
        return !!(element && element.matches && element.matches("a[rel~=next], a[rel~=prev]"));
    }

    document.addEventListener("htmx:beforeRequest", function (event) {
        var target = event.detail.target;
        var active = document.activeElement;
        var hadFocus = !!(target && active && active !== document.body && target.contains(active));
        var pager = isPagerLink(event.detail.elt);
        if (!target || !event.detail.xhr || (!hadFocus && !pager)) {
            return;
        }
        var record = { target: target, id: target.id, pager: pager, active: active };
        if (hadFocus) {
            record.place = placeWithin(target, active);
            record.text = textOf(active);
            record.activeId = active.id;
            record.index = samePlace(target, record.place).indexOf(active);
        }
        remembered.set(event.detail.xhr, record);
    });

    function samePlace(region, place) {
        return Array.prototype.filter.call(region.querySelectorAll("*"), function (element) {
            return placeWithin(region, element) === place;
        });
    }

    /** The element of the new content that stands where the one the user acted on stood, or null. */
    function counterpart(region, record) {
        if (record.activeId) {
            var same = document.getElementById(record.activeId);
            if (same && region.contains(same)) {
                return same;
            }
        }
        if (record.place === undefined) {
            return null;
        }
        var candidates = samePlace(region, record.place);
        return candidates.filter(function (element) {
            return textOf(element) === record.text;
        })[0] || candidates[record.index] || null;
    }

    function focusRegion(region, scroll) {
        if (region.tabIndex < 0 && !region.hasAttribute("tabindex")) {
            // Focusable from script only: it is no stop on the way through the page with Tab.
            region.setAttribute("tabindex", "-1");
        }
        region.focus({ preventScroll: true });
        var top = region.getBoundingClientRect().top;
        if (scroll && (top < 0 || top > window.innerHeight / 2)) {
            // At once, as a new page would: a smooth scroll across a long list on a phone takes its time.
            region.scrollIntoView({ block: "start", behavior: "instant" });
        }
    }

    /** Whether the focus fell out of the page with the element that had it. */
    function focusLost() {
        return !document.activeElement || document.activeElement === document.body;
    }

    document.addEventListener("htmx:afterSettle", function (event) {
        var record = event.detail.xhr && remembered.get(event.detail.xhr);
        if (!record) {
            return;
        }
        var region = (record.id && document.getElementById(record.id))
            || (document.contains(record.target) ? record.target : null);
        // Only the swap into the region counts: not an out-of-band element, nor an error shown in the flash area.
        if (!region || !region.contains(event.target)) {
            return;
        }
        remembered.delete(event.detail.xhr);
        var active = document.activeElement;
        var autofocused = !focusLost() && active !== record.active && region.contains(active);
        if (record.pager && !autofocused) {
            focusRegion(region, true);
            return;
        }
        if (!focusLost()) {
            // Still where it was, or put on an element with autofocus by htmx.
            return;
        }
        var again = counterpart(region, record);
        if (again && typeof again.focus === "function") {
            again.focus();
            if (document.activeElement === again) {
                return;
            }
        }
        focusRegion(region, false);
    });
})();
