// The rotate dialog's second step: with "Invalidate immediately" on, the button turns red and says what it
// does, and stays disabled until the sitekey's code is typed (the server checks it again). With the switch
// off, the code is not asked for. Without JavaScript the code field always shows and the server decides.
(function () {
    "use strict";

    function sync(form) {
        var toggle = form.querySelector("#invalidate-immediately");
        var block = form.querySelector("#invalidate-confirm");
        var input = form.querySelector("#rotate-confirmation");
        var button = form.querySelector("#confirm-rotate");
        if (!toggle || !block || !input || !button) {
            return;
        }
        var invalidate = toggle.checked;
        block.hidden = !invalidate;
        input.required = invalidate;
        button.classList.toggle("danger", invalidate);
        button.textContent = invalidate ? button.dataset.labelInvalidate : button.dataset.label;
        button.disabled = invalidate && input.value.trim() !== input.dataset.expected;
    }

    function syncAll() {
        document.querySelectorAll("#invalidate-immediately").forEach(function (toggle) {
            if (toggle.form) {
                sync(toggle.form);
            }
        });
    }

    document.addEventListener("change", function (event) {
        if (event.target.id === "invalidate-immediately" && event.target.form) {
            sync(event.target.form);
            if (event.target.checked) {
                event.target.form.querySelector("#rotate-confirmation").focus();
            }
        }
    });
    document.addEventListener("input", function (event) {
        if (event.target.id === "rotate-confirmation" && event.target.form) {
            sync(event.target.form);
        }
    });
    document.addEventListener("DOMContentLoaded", syncAll);
    // A refused confirmation comes back into the dialog (HTTP 422): set the new form up the same way.
    document.addEventListener("htmx:afterSettle", syncAll);
})();
