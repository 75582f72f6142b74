package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxServer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Account ids and sitekeys in the address are checked before anything calls Cloudflare:
 * an account that is not configured, a sitekey that would walk the API's paths
 * ({@code ../}, raw or encoded) or is longer than Cloudflare's 32 characters. Over real
 * HTTP, as Tomcat and Spring Security's firewall decode and normalise what a browser or
 * an attacker sends; counted at the sandbox.
 */
@AppOverHttp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathParametersTest {

    private static final String UNCONFIGURED_ACCOUNT = "0123456789abcdef0123456789abcdef";

    private static final String SITEKEY_OF_33 = "0x4AAAAAAA" + "B".repeat(23);

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    private HttpVisitor admin;

    @BeforeAll
    void signIn() {
        admin = HttpVisitor.signedIn(port, User.ADMIN);
    }

    /**
     * Addresses of a widget that are not: of an unconfigured account, or with a malformed
     * sitekey.
     */
    Stream<String> addressesOfNoWidget() {
        String widgets = "/accounts/" + sandbox.accountId().value() + "/widgets/";
        return Stream.of("/accounts/" + UNCONFIGURED_ACCOUNT + "/widgets/0x4AAAAAAAshop",
                "/accounts/..%2F..%2Fx/widgets/0x4AAAAAAAshop", widgets + "../../x", widgets + "..%2F..%2Fx",
                widgets + "%2e%2e%2f%2e%2e%2fx", widgets + "%2E%2E/%2E%2E/x", widgets + "..%252F..%252Fx",
                widgets + "x%2F..%2F..%2Fy", widgets + "0x4AAA%20shop", widgets + "0x4AAA;shop", widgets + "0x4AAA%00",
                widgets + SITEKEY_OF_33);
    }

    /**
     * Every page of those, and the lists of an account that is not configured or not an
     * account id.
     */
    Stream<String> pagesOfNoWidget() {
        return Stream.concat(
                Stream.of("/accounts/" + UNCONFIGURED_ACCOUNT + "/widgets",
                        "/accounts/" + UNCONFIGURED_ACCOUNT + "/widgets/new",
                        "/accounts/" + sandbox.accountId().value().toUpperCase() + "/widgets"),
                addressesOfNoWidget()
                    .flatMap(widget -> Stream.of("", "/edit", "/rotate", "/delete").map(page -> widget + page)));
    }

    private static boolean refusedByTomcat(String path) {
        String lower = path.toLowerCase();
        return lower.contains("%2f") || lower.contains("%00");
    }

    /** Every form a widget's pages send, to those addresses. */
    Stream<String> formsOfNoWidget() {
        return Stream.concat(
                Stream.of("/accounts/" + UNCONFIGURED_ACCOUNT + "/widgets",
                        "/accounts/" + UNCONFIGURED_ACCOUNT + "/widgets/validate"),
                addressesOfNoWidget()
                    .flatMap(widget -> Stream.of("/secret", "/edit", "/rotate", "/delete").map(form -> widget + form)));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("pagesOfNoWidget")
    void aPageOfAnUnconfiguredAccountOrAMalformedSitekeyIsRefusedWithoutACloudflareCall(String path) {
        long before = sandbox.requestCount();
        Response response = admin.get(path);

        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("Exception", "Rejected", "\tat ", "Tomcat/");
        if (refusedByTomcat(path)) {
            // Tomcat's connector refuses an encoded '/' or NUL before the app or its
            // filters see the
            // request, with a bare page of its own: no script, no input echoed, no
            // version.
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("<h1>HTTP Status 400 – Bad Request</h1>");
        }
        else {
            assertThat(response.body()).as("the app's error page").contains("id=\"error-alert\"");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("formsOfNoWidget")
    void aFormForAnUnconfiguredAccountOrAMalformedSitekeyIsRefusedWithoutACloudflareCall(String path) {
        long before = sandbox.requestCount();
        Response response = admin.post(path,
                Map.of("name", "x", "confirmation", "x", "field", "name", "domains", "x.example", "mode", "managed"));

        assertThat(response.status()).isIn(400, 404);
        assertThat(sandbox.requestCount()).as("Cloudflare calls").isEqualTo(before);
    }

}
