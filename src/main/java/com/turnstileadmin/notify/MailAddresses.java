package com.turnstileadmin.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail addresses of the configuration, read strictly (RFC 822, a domain required),
 * so that a typo stops start-up instead of every e-mail being refused for a day.
 */
final class MailAddresses {

    private MailAddresses() {
    }

    /**
     * @param setting the setting named in the message
     * @throws IllegalArgumentException saying what is wrong
     */
    static List<InternetAddress> recipients(List<String> values, String setting) {
        List<InternetAddress> addresses = new ArrayList<>();
        for (String value : values) {
            if (!value.isBlank()) {
                addresses.add(address(value, setting));
            }
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(
                    setting + " is required: the e-mail addresses to send to, separated by commas");
        }
        return addresses;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong
     */
    static InternetAddress sender(@Nullable String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    setting + " is required with an e-mail destination: the address notifications are sent from");
        }
        return address(value, setting);
    }

    private static InternetAddress address(String value, String setting) {
        String trimmed = value.trim();
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            String email = address.getAddress();
            if (email == null || email.indexOf('@') <= 0 || email.endsWith("@")) {
                throw new AddressException("no domain");
            }
            return address;
        }
        catch (AddressException notAnAddress) {
            throw new IllegalArgumentException(
                    setting + " holds \"" + trimmed + "\", which is not an e-mail address (name@example.com)");
        }
    }

}
