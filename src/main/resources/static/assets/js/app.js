// Turnstile Admin's few behaviours that need JavaScript. Everything works without it, only less
// quickly: dialogs fall back to pages of their own, htmx requests to plain links and forms.
(function () {
    "use strict";

    // Every htmx request carries the CSRF token in a header (forms also carry it as a field).
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name=_csrf]");
        var header = document.querySelector("meta[name=_csrf_header]");
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Copy buttons: data-copy-text holds the text, or data-copy-target names the element holding it.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("button.copy");
        if (!button) {
            return;
        }
        var text = button.dataset.copyText;
        if (text === undefined && button.dataset.copyTarget) {
            var source = document.querySelector(button.dataset.copyTarget);
            text = source ? source.textContent : "";
        }
        if (!navigator.clipboard) {
            return;
        }
        navigator.clipboard.writeText(text).then(function () {
            var label = button.textContent;
            button.textContent = "Copied";
            button.classList.add("copied");
            setTimeout(function () {
                button.textContent = label;
                button.classList.remove("copied");
            }, 1500);
        });
    });

    // Links with data-dialog open that <dialog> instead of their page. A modal dialog makes the rest
    // of the page inert (focus stays inside) and closes on Esc.
    document.addEventListener("click", function (event) {
        var opener = event.target.closest("[data-dialog]");
        if (opener) {
            var dialog = document.getElementById(opener.dataset.dialog);
            if (dialog && dialog.showModal) {
                event.preventDefault();
                dialog.showModal();
                var first = dialog.querySelector("input, button:not([data-close-dialog]), a[href]");
                if (first) {
                    first.focus();
                }
            }
            return;
        }
        var closer = event.target.closest("[data-close-dialog]");
        if (closer) {
            var open = closer.closest("dialog");
            if (open) {
                open.close();
            } else {
                history.back();
            }
        }
    });

    // The delete button stays disabled until the typed name matches; the server checks it again.
    document.addEventListener("input", function (event) {
        var input = event.target;
        if (input.id !== "delete-confirmation") {
            return;
        }
        var button = input.form.querySelector("#confirm-delete");
        button.disabled = input.value.trim() !== input.dataset.expected.trim();
    });
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("#delete-confirmation").forEach(function (input) {
            input.form.querySelector("#confirm-delete").disabled =
                input.value.trim() !== input.dataset.expected.trim();
        });
    });

    // A plain form submit (not htmx) that waits on Cloudflare: show the progress bar and a busy button.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || form.hasAttribute("hx-post") || form.hasAttribute("hx-get")) {
            return;
        }
        var button = event.submitter || form.querySelector("button[type=submit]");
        if (button) {
            button.setAttribute("aria-busy", "true");
        }
        document.getElementById("progress").classList.add("htmx-request");
    });
    // Back to a page kept in the browser's cache after such a submit: nothing is busy any more.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("[aria-busy=true]").forEach(function (element) {
            element.removeAttribute("aria-busy");
        });
        var progress = document.getElementById("progress");
        if (progress) {
            progress.classList.remove("htmx-request");
        }
    });
})();
