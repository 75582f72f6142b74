package com.turnstileadmin.sandbox;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * What Cloudflare accepts as a widget domain: a hostname or an IPv4/IPv6 address, without
 * scheme, port, path or wildcard.
 *
 * <p>
 * The app's own check ({@code widget.DomainNames}) reads alike, on purpose: the sandbox
 * stands in for Cloudflare and shares no code with the app (ArchitectureTest), so that it
 * refuses what Cloudflare refuses even where the app's check has a bug.
 */
final class Hostnames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern IPV4 = Pattern
        .compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]+");

    private Hostnames() {
    }

    /** Whether the (lower-cased) value is a hostname, an IPv4 or an IPv6 address. */
    static boolean isValid(String value) {
        return isIpv4(value) || isIpv6(value) || isHostname(value);
    }

    static boolean isIpv4(String value) {
        return IPV4.matcher(value).matches();
    }

    static boolean isIpv6(String value) {
        // In brackets InetAddress takes only an IPv6 literal, so it never makes a DNS
        // lookup (without them,
        // a value not starting with a hex digit or ':', such as ".::1", would be looked
        // up).
        if (!value.contains(":") || !IPV6_CHARACTERS.matcher(value).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName("[" + value + "]") instanceof Inet6Address;
        }
        catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isHostname(String value) {
        if (value.isEmpty() || value.length() > 253 || value.endsWith(".")) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A name made only of digits and dots is a malformed IPv4 address, not a
        // hostname.
        return !value.matches("[0-9.]+");
    }

}
