package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.ENTERPRISE_ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.FREE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.StringUtils;

/**
 * The form's Enterprise-only switches follow the account's configured plan: hidden on a
 * Free account with one calm sentence, shown plainly on Enterprise, shown with one note
 * when the plan is unknown; and Cloudflare's refusal of one is shown at the switches
 * whatever the plan says. A widget's page says once, under its settings, that they need
 * Enterprise, unless the account has it.
 */
@WebSliceTest({ WidgetFormController.class, WidgetFieldCheckController.class, WidgetDetailsController.class })
class EnterpriseSettingsByPlanTest {

    private static final String NOTE = "need Turnstile Enterprise";

    private static final List<String> SWITCHES = List.of("name=\"edited.botFightMode\"", "name=\"edited.offlabel\"",
            "name=\"edited.ephemeralId\"");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Test
    void onAFreeAccountTheSwitchesAreHiddenAndOneSentenceSaysTheyNeedEnterprise() throws Exception {
        String page = newForm(FREE_ACCOUNT);

        assertThat(page).doesNotContain(SWITCHES.toArray(String[]::new)).doesNotContain("class=\"badge\"");
        assertThat(StringUtils.countOccurrencesOf(page, NOTE)).isOne();
        assertThat(page).contains("which this account does not have");
    }

    @Test
    void onAnEnterpriseAccountTheSwitchesAreShownWithoutANote() throws Exception {
        String page = newForm(ENTERPRISE_ACCOUNT);

        assertThat(page).contains(SWITCHES.toArray(String[]::new)).doesNotContain(NOTE, "class=\"badge\"");
    }

    @Test
    void onAnAccountOfUnknownPlanTheSwitchesAreShownWithOneNote() throws Exception {
        String page = newForm(ACCOUNT);

        assertThat(page).contains(SWITCHES.toArray(String[]::new)).doesNotContain("class=\"badge\"");
        assertThat(StringUtils.countOccurrencesOf(page, NOTE)).isOne();
    }

    @Test
    void onAFreeAccountCloudflaresRefusalOfAnEnterpriseSettingIsStillShownAtTheSwitches() throws Exception {
        cloudflare.failNextCallWith(new CloudflareApiException("create widget", 400,
                List.of(new CloudflareError(10402, "bot_fight_mode is only available on Enterprise plans",
                        "/bot_fight_mode", WidgetSetting.BOT_FIGHT_MODE))));

        String page = mvc
            .perform(
                    Route
                        .post(widgets(FREE_ACCOUNT), "edited.name", "Shop login", "edited.domains", "shop.example.com",
                                "edited.mode", "managed", "edited.clearanceLevel", "no_clearance", "edited.region",
                                "world", "edited.botFightMode", "true")
                        .by(Role.EDITOR))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();

        assertThat(page).contains(SWITCHES.toArray(String[]::new))
            .contains("<small id=\"enterprise-message\">"
                    + "Cloudflare says: bot_fight_mode is only available on Enterprise plans</small>");
    }

    @Test
    void aWidgetsPageSaysOnceUnderItsSettingsThatThreeNeedEnterpriseUnlessTheAccountHasIt() throws Exception {
        assertThat(StringUtils.countOccurrencesOf(details(FREE_ACCOUNT), NOTE + ", which this account does not have"))
            .isOne();
        assertThat(StringUtils.countOccurrencesOf(details(ACCOUNT), NOTE)).isOne();
        assertThat(details(ENTERPRISE_ACCOUNT)).doesNotContain(NOTE).contains("Bot fight mode");
    }

    private String details(AccountId account) throws Exception {
        return mvc.perform(Route.get(widgets(account) + "/" + FakeTurnstileWidgets.SHOP).by(Role.VIEWER))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private String newForm(AccountId account) throws Exception {
        return mvc.perform(Route.get(widgets(account) + "/new").by(Role.EDITOR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private static String widgets(AccountId account) {
        return "/accounts/" + account.value() + "/widgets";
    }

}
