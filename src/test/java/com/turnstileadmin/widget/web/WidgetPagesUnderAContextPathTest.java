package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedIn;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.web.WebSliceTestConfiguration;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The widget pages of an app served under a context path
 * ({@code server.servlet.context-path=/admin}): every address they link to, post to or
 * load with htmx, and every redirect and {@code Location}, is under it.
 */
@WebSliceTest({ WidgetDetailsController.class, WidgetFormController.class, WidgetFieldCheckController.class,
        WidgetRotateController.class, WidgetDeleteController.class })
class WidgetPagesUnderAContextPathTest {

    private static final String CONTEXT = "/admin";

    private static final String SHOP_PATH = WIDGETS + "/" + SHOP.value();

    /** The attributes that hold an address the browser goes to or asks. */
    private static final List<String> ADDRESSES = List.of("href", "src", "action", "hx-get", "hx-post");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditTrail audit;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "/edit", "/rotate", "/delete" })
    void everyAddressOfAWidgetsPagesIsUnderTheContextPath(String page) throws Exception {
        assertEveryAddressIsUnderTheContextPath(render(get(SHOP_PATH + page)));

        // During a grace period the pages also say until when, and the details page
        // offers no rotation.
        audit.succeeded(new Attempt(new SignedInUser("local:admin", "admin", null, Role.ADMIN),
                WebSliceTestConfiguration.ACCOUNT, AuditAction.ROTATE_SECRET, SHOP.value(), "Shop checkout", false,
                List.of()));
        assertEveryAddressIsUnderTheContextPath(render(get(SHOP_PATH + page)));
    }

    @Test
    void theNewFormItsCheckAndItsRefusalStayUnderTheContextPath() throws Exception {
        String form = render(get(WIDGETS + "/new"));
        assertEveryAddressIsUnderTheContextPath(form);
        assertThat(Jsoup.parse(form).select("#name, #domains").eachAttr("hx-post"))
            .containsExactly(CONTEXT + WIDGETS + "/validate", CONTEXT + WIDGETS + "/validate");

        String refused = mvc.perform(post(WIDGETS).param("edited.name", "").param("createToken", "token-1"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertEveryAddressIsUnderTheContextPath(refused);
        assertThat(Jsoup.parse(refused).selectFirst("#widget-form").attr("action")).isEqualTo(CONTEXT + WIDGETS);
    }

    @Test
    void aNewWidgetsAddressAndItsPageOfKeysAreUnderTheContextPath() throws Exception {
        String created = mvc
            .perform(post(WIDGETS).param("edited.name", "Under admin")
                .param("edited.domains", "admin.example.com")
                .param("edited.mode", "managed")
                .param("edited.clearanceLevel", "no_clearance")
                .param("edited.region", "world")
                .param("createToken", "token-2"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", CONTEXT + WIDGETS + "/0x4AAAAAAAnew1"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertEveryAddressIsUnderTheContextPath(created);
        assertThat(Jsoup.parse(created).selectFirst("#open-created").attr("href"))
            .isEqualTo(CONTEXT + WIDGETS + "/0x4AAAAAAAnew1");
    }

    @Test
    void redirectsAfterAChangeAreUnderTheContextPath() throws Exception {
        mvc.perform(get(SHOP_PATH + "/secret")).andExpect(redirectedUrl(CONTEXT + SHOP_PATH));
        mvc.perform(post(SHOP_PATH + "/delete").param("confirmation", SHOP.confirmationCode()))
            .andExpect(redirectedUrl(CONTEXT + WIDGETS));
    }

    @Test
    void theRevealedSecretsHideLinkAndTheRotationsOutcomeAreUnderTheContextPath() throws Exception {
        String revealed = mvc.perform(post(SHOP_PATH + "/secret").header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(revealed).selectFirst("#hide-secret").attr("href")).isEqualTo(CONTEXT + SHOP_PATH);

        String rotated = mvc.perform(post(SHOP_PATH + "/rotate").header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(Jsoup.parse(rotated).selectFirst("#rotate-done").attr("href")).isEqualTo(CONTEXT + SHOP_PATH);
    }

    @Test
    void anErrorPagesRetryRepeatsTheReadUnderTheContextPath() throws Exception {
        cloudflare.failNextCallWith(new CloudflareUnavailableException("get widget",
                CloudflareUnavailableException.Reason.SERVER_ERROR, 502, null, null));

        String page = mvc.perform(get(SHOP_PATH).queryParam("from", "list"))
            .andExpect(status().isServiceUnavailable())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(Jsoup.parse(page).selectFirst("#error-alert .retry").attr("href"))
            .isEqualTo(CONTEXT + SHOP_PATH + "?from=list");
        assertEveryAddressIsUnderTheContextPath(page);
    }

    private String render(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Every address in the page is under the context path, or on the page itself
     * ({@code #content}).
     */
    private static void assertEveryAddressIsUnderTheContextPath(String html) {
        List<String> addresses = Jsoup.parse(html)
            .getAllElements()
            .stream()
            .flatMap(element -> ADDRESSES.stream().filter(element::hasAttr).map(name -> describe(element, name)))
            .toList();
        assertThat(addresses).isNotEmpty()
            .allSatisfy(address -> assertThat(address).matches(".*=\"(" + CONTEXT + "/.*|#.*)\""));
    }

    private static String describe(Element element, String attribute) {
        return "<" + element.tagName() + (element.id().isEmpty() ? "" : " id=" + element.id()) + "> " + attribute
                + "=\"" + element.attr(attribute) + "\"";
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(CONTEXT + path).contextPath(CONTEXT).with(SignedIn.admin());
    }

    private static MockHttpServletRequestBuilder post(String path) {
        return MockMvcRequestBuilders.post(CONTEXT + path).contextPath(CONTEXT).with(SignedIn.admin()).with(csrf());
    }

}
