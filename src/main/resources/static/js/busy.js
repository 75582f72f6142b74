// The busy state of every request that waits on the server (issue 13.11), for every htmx request of every
// page, without anything in the templates: the region the answer will replace (the request's target) is
// dimmed and aria-busy="true" at once; if no answer came within SPINNER_DELAY_MS, a spinner shows on it and
// the progress bar under the header runs (an answer faster than that shows neither, so nothing flashes).
// Both end with the request, however it ends: an answer of any status, a network error, a timeout or an abort.
// A plain form submit (the widget form, delete, sign-in) dims its form and runs the bar until the next page.
(function () {
    "use strict";

    var SPINNER_DELAY_MS = 150;

    /** The requests in flight: their XMLHttpRequest → {region, timer, slow}. */
    var pending = new Map();
    /** How many requests in flight have each region as their target. */
    var perRegion = new Map();
    /** How many requests in flight are past the spinner delay: the bar runs while there is one. */
    var slowCount = 0;

    function progressBar(running) {
        var bar = document.getElementById("progress");
        if (bar) {
            bar.classList.toggle("running", running);
        }
    }

    function markBusy(region) {
        region.classList.add("busy");
        region.setAttribute("aria-busy", "true");
    }

    function clearBusy(region) {
        region.classList.remove("busy", "busy-slow");
        region.removeAttribute("aria-busy");
        region.style.removeProperty("--busy-spinner-top");
    }

    // The spinner stands in the middle of the part of the region that is in the window: a tall list scrolled
    // down to its pager shows it there, not at the list's top, out of sight. (A CSS custom property set through
    // the CSSOM, which the Content-Security-Policy allows, unlike a style attribute.)
    function placeSpinner(region) {
        var box = region.getBoundingClientRect();
        var from = Math.max(0, -box.top);
        var to = Math.min(box.height, window.innerHeight - box.top);
        if (to > from) {
            region.style.setProperty("--busy-spinner-top", Math.round((from + to) / 2) + "px");
        }
    }

    function becameSlow(entry) {
        entry.slow = true;
        placeSpinner(entry.region);
        entry.region.classList.add("busy-slow");
        slowCount++;
        progressBar(true);
    }

    function start(xhr, region) {
        if (!xhr || !region || pending.has(xhr)) {
            return;
        }
        var entry = { region: region, slow: false, timer: 0 };
        entry.timer = window.setTimeout(function () {
            becameSlow(entry);
        }, SPINNER_DELAY_MS);
        pending.set(xhr, entry);
        perRegion.set(region, (perRegion.get(region) || 0) + 1);
        markBusy(region);
        // loadend follows every end of an XMLHttpRequest (load, error, abort, timeout), after htmx has swapped
        // the answer in: the one place where nothing can be missed.
        xhr.addEventListener("loadend", function () {
            finish(xhr);
        });
    }

    function finish(xhr) {
        var entry = pending.get(xhr);
        if (!entry) {
            return;
        }
        pending.delete(xhr);
        window.clearTimeout(entry.timer);
        if (entry.slow) {
            slowCount--;
            progressBar(slowCount > 0);
        }
        var left = (perRegion.get(entry.region) || 1) - 1;
        if (left > 0) {
            perRegion.set(entry.region, left);
            return;
        }
        perRegion.delete(entry.region);
        // An outerHTML swap left this element out of the page: its replacement never was busy.
        clearBusy(entry.region);
    }

    // beforeSend, not beforeRequest: a request another listener cancels never starts, so never ends either.
    document.addEventListener("htmx:beforeSend", function (event) {
        start(event.detail.xhr, event.detail.target || event.detail.elt);
    });
    // htmx's own word that a request is over, for any XMLHttpRequest whose loadend did not come (it always
    // should): afterRequest comes for every answer, error, abort and timeout.
    document.addEventListener("htmx:afterRequest", function (event) {
        finish(event.detail.xhr);
    });

    // No answer at all (the app is down, the network gone, the request timed out): say so where errors go,
    // instead of leaving the user with an undimmed but unchanged page.
    function unreachable() {
        var flash = document.getElementById("flash");
        if (!flash) {
            return;
        }
        var alert = document.createElement("article");
        alert.id = "error-alert";
        alert.className = "error-alert";
        alert.setAttribute("role", "alert");
        var heading = document.createElement("h1");
        heading.textContent = "No answer from Turnstile Admin";
        var text = document.createElement("p");
        text.textContent = "The request did not reach the app or its answer did not arrive. Check the "
            + "connection and try again; nothing you typed was lost.";
        alert.appendChild(heading);
        alert.appendChild(text);
        flash.replaceChildren(alert);
    }
    document.addEventListener("htmx:sendError", unreachable);
    document.addEventListener("htmx:timeout", unreachable);

    // A plain form submit that was not stopped (htmx stops those it sends itself, and app.js a second
    // click): the next page is on its way. Its button shows the spinner (app.js), not the whole form.
    document.addEventListener("submit", function (event) {
        if (event.defaultPrevented) {
            return;
        }
        var form = event.target;
        markBusy(form);
        window.setTimeout(function () {
            if (form.classList.contains("busy")) {
                progressBar(true);
            }
        }, SPINNER_DELAY_MS);
    });

    // Back to a page the browser kept (after such a submit, or left mid-request): nothing is busy any more.
    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) {
            return;
        }
        pending.forEach(function (entry) {
            window.clearTimeout(entry.timer);
        });
        pending.clear();
        perRegion.clear();
        slowCount = 0;
        document.querySelectorAll(".busy").forEach(clearBusy);
        progressBar(false);
    });
})();
