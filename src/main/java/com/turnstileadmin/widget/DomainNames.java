package com.turnstileadmin.widget;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domains a widget may be embedded on, as a user types them: one per line, checked
 * before anything is sent to Cloudflare. Cloudflare takes a hostname or an IPv4/IPv6
 * address without scheme, port, path or wildcard, and 1 to 10 of them. (The sandbox has
 * its own reading of the same rule, on purpose: it stands in for Cloudflare and shares no
 * code with the app.)
 */
public final class DomainNames {

    public static final int MAX = 10;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern IPV4 = Pattern
        .compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-f:.]+");

    private DomainNames() {
    }

    /**
     * The text's lines, trimmed and lower-cased, an international name in its ASCII form
     * (münchen.example.com as xn--mnchen-3ya.example.com, which is what Cloudflare
     * takes), without blank lines and repeats, in their order.
     */
    public static List<String> normalize(String text) {
        Set<String> domains = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String domain = toAscii(line.trim().toLowerCase(Locale.ROOT));
            if (!domain.isEmpty()) {
                domains.add(domain);
            }
        }
        return new ArrayList<>(domains);
    }

    /**
     * "münchen.example.com is sent as xn--mnchen-3ya.example.com.", for each
     * international name; or "".
     */
    public static String conversionNote(String text) {
        List<String> notes = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String domain = line.trim().toLowerCase(Locale.ROOT);
            String ascii = toAscii(domain);
            if (!ascii.equals(domain)) {
                notes.add(domain + " is sent as " + ascii + ".");
            }
        }
        return String.join(" ", notes);
    }

    /**
     * The ASCII form of an international domain name (IDNA 2003, as java.net.IDN has it),
     * or the name as it was.
     */
    private static String toAscii(String domain) {
        if (domain.chars().allMatch(c -> c < 128)) {
            return domain;
        }
        try {
            return IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException notAName) {
            return domain;
        }
    }

    /** The entries that are neither a hostname nor an IP address. */
    public static List<String> invalid(List<String> domains) {
        return domains.stream().filter(domain -> !isValid(domain)).toList();
    }

    /** Whether the lower-cased value is a hostname, an IPv4 or an IPv6 address. */
    public static boolean isValid(String value) {
        return IPV4.matcher(value).matches() || isIpv6(value) || isHostname(value);
    }

    private static boolean isIpv6(String value) {
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

    private static boolean isHostname(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // Only digits and dots is a malformed IPv4 address, not a hostname.
        return !value.matches("[0-9.]+");
    }

}
