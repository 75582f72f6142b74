// Times in the viewer's own time zone. The server writes each <time datetime="…Z"> in UTC (what a page without
// JavaScript shows); this rewrites the text to local time, with the date when it is not today's, and keeps the
// UTC time in the title for hover. data-time says which form: "clock" (a time within hours: "20:18", or
// "5 Dec, 20:18" on another day) or "exact" (date and time to the second). A <time> without it (a relative
// "3 hours ago") keeps its text and gets the local time in its title.
(function () {
    "use strict";

    var zone = { timeZoneName: "short" };

    function sameDay(a, b) {
        return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
    }

    function clock(date, seconds) {
        var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: zone.timeZoneName };
        if (seconds) {
            options.second = "2-digit";
        }
        return date.toLocaleTimeString(undefined, options);
    }

    function day(date, now) {
        var options = { day: "numeric", month: "short" };
        if (date.getFullYear() !== now.getFullYear()) {
            options.year = "numeric";
        }
        return date.toLocaleDateString(undefined, options);
    }

    function localise(element) {
        if (element.dataset.localised) {
            return;
        }
        var date = new Date(element.getAttribute("datetime"));
        if (isNaN(date.getTime())) {
            return;
        }
        var now = new Date();
        var utc = element.textContent.trim();
        var kind = element.dataset.time;
        if (kind === "clock") {
            element.textContent = sameDay(date, now) ? clock(date, false) : day(date, now) + ", " + clock(date, false);
            element.title = element.title || utc;
        } else if (kind === "exact") {
            element.textContent = date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" })
                + ", " + clock(date, true);
            element.title = utc + (element.title ? " · " + element.title : "");
        } else {
            element.title = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "long" })
                + (element.title ? " (" + element.title + ")" : "");
        }
        element.dataset.localised = "true";
    }

    function localiseAll(root) {
        (root || document).querySelectorAll("time[datetime]").forEach(localise);
    }

    document.addEventListener("DOMContentLoaded", function () {
        localiseAll(document);
    });
    // Parts of pages that htmx brings in (a widget's history, a page of the list or the audit trail).
    document.addEventListener("htmx:afterSettle", function (event) {
        localiseAll(event.detail.elt);
    });
})();
