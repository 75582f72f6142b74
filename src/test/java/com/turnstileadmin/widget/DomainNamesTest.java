package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainNamesTest {

    @Test
    void domainsAreTrimmedLowerCasedAndDeduplicated() {
        assertThat(DomainNames.normalize("  Shop.Example.COM \nexample.com\nshop.example.com\t"))
            .containsExactly("shop.example.com", "example.com");
    }

    @Test
    void blankLinesAndWindowsLineEndingsLeaveNoEmptyEntries() {
        assertThat(DomainNames.normalize("\r\na.example\r\n   \r\n\r\nb.example\r\n")).containsExactly("a.example",
                "b.example");
        assertThat(DomainNames.normalize(" \n\r\n")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validDomains")
    void acceptsHostnamesAndIpAddresses(String domain) {
        assertThat(DomainNames.isValid(domain)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidDomains")
    void rejectsSchemePortPathWildcardAndMalformedNames(String domain) {
        assertThat(DomainNames.isValid(domain)).isFalse();
    }

    @Test
    void invalidListsTheBadEntriesInTheirOrder() {
        assertThat(DomainNames.invalid(List.of("b_.example", "example.com", "*.example.com")))
            .containsExactly("b_.example", "*.example.com");
    }

    static Stream<String> validDomains() {
        return Stream.of("example.com", "localhost", "a-b.example.co.uk", "3com.example", "xn--bcher-kva.example",
                label(63) + ".example", name(253), "1.2.3.4", "255.255.255.255", "0.0.0.0", "::1", "2001:db8::1",
                "2001:0db8:0000:0000:0000:ff00:0042:8329", "::1.2.3.4");
    }

    /**
     * A trailing dot is refused: Cloudflare takes host names, not DNS's fully qualified
     * form.
     */
    static Stream<String> invalidDomains() {
        return Stream.of("https://example.com", "example.com:8080", "example.com/login", "*.example.com",
                "my_host.example.com", "example.com.", ".example.com", "a..example", "-shop.example", "shop-.example",
                "exa mple.com", "bücher.example", label(64) + ".example", name(254), "", "1.2.3", "1.2.3.4.5",
                "256.1.1.1", "01.2.3.4", "2001:db8::1::2", "[::1]", "fe80::1%eth0", ".::1", "::ffff:1.2.3.4");
    }

    private static String label(int length) {
        return "a".repeat(length);
    }

    /**
     * Labels of 63 characters and a shorter last one, dot-separated, {@code length}
     * characters in all.
     */
    private static String name(int length) {
        StringBuilder name = new StringBuilder();
        while (length - name.length() > 64) {
            name.append(label(63)).append('.');
        }
        return name.append(label(length - name.length())).toString();
    }

}
