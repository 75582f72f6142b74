package com.turnstileadmin.widget.web;

import static com.turnstileadmin.text.ShownText.shownAs;
import static com.turnstileadmin.web.WebSliceTestConfiguration.UNKNOWN_ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(WidgetDeleteController.class)
class WidgetDeleteControllerTest {

    private static final Route CONFIRM = Route.get(WIDGETS + "/" + SHOP + "/delete");

    private static final Route DELETE = Route.post(WIDGETS + "/" + SHOP + "/delete", "name", "Shop checkout",
            "confirmation", "AAshop");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private MessageSource messages;

    @Test
    void adminIsAskedToTypeTheEndOfTheSitekeyInARedDialog() throws Exception {
        String page = mvc.perform(CONFIRM.by(Role.ADMIN))
            .andExpect(status().isOk())
            .andExpect(view().name("widgets/delete"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Document dialog = Html.parse(page);
        assertThat(dialog.expectFirst("#delete-confirmation").attr("data-expected")).isEqualTo("AAshop");
        assertThat(dialog.expectFirst("label[for=delete-confirmation] code.confirm-code").text()).isEqualTo("AAshop");
        assertThat(dialog.expectFirst("#confirm-delete").classNames()).contains("danger");
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void adminDeletesWithOneCallAndLandsOnTheListToldTheNameCloudflareDeleted() throws Exception {
        mvc.perform(DELETE.with("name", "A name the form made up").by(Role.ADMIN))
            .andExpect(redirectedUrl(WIDGETS))
            .andExpect(flash().attribute("flash", shownAs(messages, "Widget “Shop checkout” deleted.")));

        assertThat(cloudflare.calls()).containsExactly("delete " + SHOP);
    }

    @Test
    void theWidgetsNameIsNoLongerEnoughToDelete() throws Exception {
        mvc.perform(DELETE.with("confirmation", "Shop checkout").by(Role.ADMIN))
            .andExpect(status().isUnprocessableContent());

        assertThat(cloudflare.calls()).isEmpty();
    }

    @Test
    void theCodeIsComparedWithTheSitekeyOfTheAddressWhateverTheFormSaysTheNameIs() throws Exception {
        mvc.perform(DELETE.with("name", "").with("confirmation", " AAshop ").by(Role.ADMIN))
            .andExpect(redirectedUrl(WIDGETS));

        assertThat(cloudflare.calls()).containsExactly("delete " + SHOP);
    }

    @Test
    void aWrongCodeIsShownAgainWithTheMismatchAndNothingIsDeleted() throws Exception {
        String page = mvc.perform(DELETE.with("confirmation", "Shop").by(Role.ADMIN))
            .andExpect(status().isUnprocessableContent())
            .andExpect(view().name("widgets/delete"))
            .andReturn()
            .getResponse()
            .getContentAsString();

        Element typed = Html.first(page, "#delete-confirmation");
        assertThat(Html.text(page, "#delete-confirmation-message"))
            .isEqualTo("That is not it. Type AAshop, the last 6 characters of the sitekey.");
        assertThat(typed.attr("aria-invalid")).isEqualTo("true");
        assertThat(typed.val()).isEqualTo("Shop");
        assertThat(cloudflare.calls()).as("nothing deleted, nothing read").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownWidgets")
    void aDeleteForAnUnknownAccountOrAMalformedSitekeyIsNotFoundWithoutACall(Route route) throws Exception {
        mvc.perform(route.by(Role.ADMIN)).andExpect(status().isNotFound());

        assertThat(cloudflare.calls()).isEmpty();
    }

    static Stream<Route> unknownWidgets() {
        return Stream
            .of("/accounts/" + UNKNOWN_ACCOUNT.value() + "/widgets/" + SHOP + "/delete",
                    WIDGETS + "/0x4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/delete")
            .map(path -> Route.post(path, "confirmation", "Shop checkout"));
    }

}
