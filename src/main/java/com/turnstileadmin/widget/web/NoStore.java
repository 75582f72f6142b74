package com.turnstileadmin.widget.web;

import jakarta.servlet.http.HttpServletResponse;

/** Marks a response that holds a secret: no cache, browser or proxy, may keep a copy. */
final class NoStore {

    private NoStore() {
    }

    static void apply(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }

}
