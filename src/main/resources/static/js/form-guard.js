// Forms marked data-guard (the widget form): leaving one that was changed asks first, on Cancel and on any
// other way out (a link, Back, closing the tab: the browser's own beforeunload prompt). Sending it does not ask.
// After a refused save, the error summary at the top gets the focus, so that it is read first.
(function () {
    "use strict";

    function snapshot(form) {
        return new URLSearchParams(new FormData(form)).toString();
    }

    function changed(form) {
        return form.dataset.initial !== undefined && !form.dataset.submitting && snapshot(form) !== form.dataset.initial;
    }

    function guarded() {
        return Array.prototype.slice.call(document.querySelectorAll("form[data-guard]"));
    }

    document.addEventListener("DOMContentLoaded", function () {
        guarded().forEach(function (form) {
            form.dataset.initial = snapshot(form);
        });
        var summary = document.getElementById("error-summary");
        if (summary) {
            summary.focus();
        }
    });

    document.addEventListener("submit", function (event) {
        if (event.target.matches && event.target.matches("form[data-guard]")) {
            // Sending is no leaving: no prompt on the way to the answer.
            event.target.dataset.initial = snapshot(event.target);
        }
    }, true);

    document.addEventListener("click", function (event) {
        var cancel = event.target.closest("#cancel-form");
        if (!cancel) {
            return;
        }
        var form = guarded().filter(changed)[0];
        if (form && !window.confirm("Discard your changes to this form?")) {
            event.preventDefault();
            return;
        }
        if (form) {
            // Asked already: the beforeunload prompt would ask the same again.
            form.dataset.initial = snapshot(form);
        }
    });

    window.addEventListener("beforeunload", function (event) {
        if (guarded().some(changed)) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
})();
