package com.turnstileadmin.web;

import com.turnstileadmin.account.CloudflareAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the first account's widget list. */
@Controller
class HomeController {

    private final CloudflareAccounts accounts;

    HomeController(CloudflareAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/accounts/" + accounts.first().id().value() + "/widgets";
    }

}
