// Turnstile Admin's few behaviours that need JavaScript. Everything works without it, only less
// quickly: dialogs fall back to pages of their own, htmx requests to plain links and forms.
(function () {
    "use strict";

    // Every htmx request carries the CSRF token in a header (forms also carry it as a field), and asks
    // for HTML: htmx sends Accept: */*, for which the server's error pages would answer in JSON.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name=_csrf]");
        var header = document.querySelector("meta[name=_csrf_header]");
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
        event.detail.headers.Accept = "text/html";
    });

    // An error answer goes to the flash area (htmx-config in layout.html). When the request came from a
    // modal dialog, the flash area lies under it, inert: close the dialog so the message can be read.
    document.addEventListener("htmx:beforeSwap", function (event) {
        if (!event.detail.isError) {
            return;
        }
        var source = event.detail.requestConfig && event.detail.requestConfig.elt;
        var dialog = source && source.closest ? source.closest("dialog[open]") : null;
        if (dialog) {
            dialog.close();
        }
    });

    // A field's message that came back (checked as the user left it, or a filter's, out of band): its input
    // is marked invalid while its message says why.
    function markField(message) {
        if (message.id && /-message$/.test(message.id)) {
            document.querySelectorAll("[aria-describedby~='" + message.id + "']").forEach(function (field) {
                if (message.textContent.trim()) {
                    field.setAttribute("aria-invalid", "true");
                } else {
                    field.removeAttribute("aria-invalid");
                }
            });
        }
    }
    document.addEventListener("htmx:oobAfterSwap", function (event) {
        markField(event.target);
    });

    document.addEventListener("htmx:afterSwap", function (event) {
        var swapped = event.detail.elt;
        markField(swapped);
        // New content in a dialog (a rotation's outcome): focus moves into it, not to the page behind.
        var dialog = swapped.closest("dialog[open]");
        if (dialog) {
            var target = dialog.querySelector("[autofocus], .copy, [role=button], button");
            if (target) {
                target.focus();
            }
        }
    });

    // A dialog closed after it showed an outcome (a new secret) reloads its page: the page shows the
    // widget as it is now, and the secret does not stay behind in the closed dialog.
    document.addEventListener("close", function (event) {
        var done = event.target.querySelector && event.target.querySelector("[data-after-close]");
        if (done) {
            window.location.assign(done.getAttribute("href"));
        }
    }, true);

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
        var label = button.textContent;
        var say = function (words) {
            button.textContent = words;
            button.classList.add("copied");
            setTimeout(function () {
                button.textContent = label;
                button.classList.remove("copied");
            }, 1500);
        };
        // Without the clipboard (no permission, the window not focused), the text is selected instead,
        // so that Ctrl+C copies it, and the button says so rather than seeming to do nothing.
        var selectInstead = function () {
            var source = button.dataset.copyTarget && document.querySelector(button.dataset.copyTarget);
            if (!source) {
                say("Could not copy");
                return;
            }
            window.getSelection().selectAllChildren(source);
            say("Selected: press Ctrl+C");
        };
        if (!navigator.clipboard) {
            selectInstead();
            return;
        }
        navigator.clipboard.writeText(text).then(function () {
            say("Copied");
        }, selectInstead);
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
        // Cancel is a link to the widget's page, so that it works without JavaScript and outside a dialog.
        var closer = event.target.closest("[data-close-dialog]");
        if (closer) {
            var open = closer.closest("dialog");
            if (open) {
                event.preventDefault();
                open.close();
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

    // A plain form submit (not htmx) that waits on Cloudflare: a busy button (busy.js shows the progress bar),
    // and sent once: a double click must not create two widgets.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || form.hasAttribute("hx-post") || form.hasAttribute("hx-get")) {
            return;
        }
        if (form.dataset.submitting) {
            event.preventDefault();
            return;
        }
        form.dataset.submitting = "true";
        var button = event.submitter || form.querySelector("button[type=submit]");
        if (button) {
            button.setAttribute("aria-busy", "true");
        }
    });
    // Back to a page kept in the browser's cache after such a submit: nothing is busy any more.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("[aria-busy=true]").forEach(function (element) {
            element.removeAttribute("aria-busy");
        });
        document.querySelectorAll("form[data-submitting]").forEach(function (form) {
            delete form.dataset.submitting;
        });
    });
})();
