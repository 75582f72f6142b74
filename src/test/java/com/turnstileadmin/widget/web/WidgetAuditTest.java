package com.turnstileadmin.widget.web;

import static com.turnstileadmin.web.WebSliceTestConfiguration.ACCOUNT;
import static com.turnstileadmin.web.WebSliceTestConfiguration.WIDGETS;
import static com.turnstileadmin.widget.FakeTurnstileWidgets.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditFilters;
import com.turnstileadmin.audit.AuditOutcome;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.web.WebSliceTest;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.FakeTurnstileWidgets;
import com.turnstileadmin.widget.WidgetMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the audit trail records of each action taken through the pages, on success and on
 * failure: the real service and audit store (H2), with Cloudflare faked.
 */
@WebSliceTest({ WidgetFormController.class, WidgetFieldCheckController.class, WidgetDetailsController.class,
        WidgetRotateController.class, WidgetDeleteController.class })
class WidgetAuditTest {

    static final String SHOP_PATH = WIDGETS + "/" + SHOP;
    static final Route CREATE = Route.post(WIDGETS, "edited.name", "Shop login", "edited.domains", "login.example.com",
            "edited.mode", "managed", "edited.clearanceLevel", "no_clearance", "edited.region", "world");

    /**
     * The edit form of "Shop checkout" as it was opened, renamed and with a domain added.
     */
    static final Route UPDATE = Route.post(SHOP_PATH + "/edit", "edited.name", "Shop checkout v2", "edited.domains",
            "example.com\nshop.example.com", "edited.mode", "managed", "edited.clearanceLevel", "no_clearance",
            "edited.region", "world", "modifiedOn", "1970-01-01T00:00:00Z", "base.name", "Shop checkout",
            "base.domains", "example.com", "base.mode", "managed", "base.clearanceLevel", "no_clearance");
    static final Route ROTATE = Route.post(SHOP_PATH + "/rotate", "invalidateImmediately", "true", "confirmation",
            "AAshop");
    static final Route DELETE = Route.post(SHOP_PATH + "/delete", "name", "Shop checkout", "confirmation", "AAshop");
    static final Route REVEAL = Route.post(SHOP_PATH + "/secret");

    private static final CloudflareApiException REFUSED = new CloudflareApiException("do it", 400,
            List.of(new CloudflareError(10001, "not allowed right now")));

    @Autowired
    private MockMvc mvc;

    @Autowired
    private FakeTurnstileWidgets cloudflare;

    @Autowired
    private AuditTrail audit;

    @Test
    void aCreateIsRecordedWithTheActorTheAccountAndTheNewWidget() throws Exception {
        mvc.perform(CREATE.by(Role.EDITOR)).andExpect(status().isCreated());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actorSubject()).isEqualTo("local:alice");
        assertThat(entry.actorName()).isEqualTo("alice");
        assertThat(entry.actorEmail()).isNull();
        assertThat(entry.accountId()).isEqualTo(ACCOUNT.value());
        assertThat(entry.sitekey()).isEqualTo("0x4AAAAAAAnew1");
        assertThat(entry.widgetName()).isEqualTo("Shop login");
        assertThat(entry.error()).isNull();
        assertThat(entry.occurredAt()).isNotNull();
        assertThat(entry.changes()).as("the settings it began with")
            .contains(new FieldChange("Name", null, "Shop login"),
                    new FieldChange("Domains", null, "login.example.com"), new FieldChange("Mode", null, "managed"));
    }

    @Test
    void aRefusedCreateIsRecordedWithCloudflaresErrorAndTheNameItWouldHaveHad() throws Exception {
        cloudflare.failNextCallWith(REFUSED);

        mvc.perform(CREATE.by(Role.EDITOR)).andExpect(status().isUnprocessableContent());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.sitekey()).isNull();
        assertThat(entry.widgetName()).isEqualTo("Shop login");
        assertThat(entry.error())
            .isEqualTo("Cloudflare refused to do it: not allowed right now (Cloudflare error 10001, HTTP 400)");
        assertThat(entry.changes()).as("the settings asked for").contains(new FieldChange("Name", null, "Shop login"));
    }

    @Test
    void aSaveWithoutEditsWritesNothingAtCloudflareAndRecordsNothing() throws Exception {
        Route unchanged = UPDATE.with("edited.name", "Shop checkout").with("edited.domains", "example.com");

        mvc.perform(unchanged.by(Role.EDITOR)).andExpect(status().is3xxRedirection());

        assertThat(cloudflare.calls()).as("an unchanged form is not even compared with Cloudflare's").isEmpty();
        assertThat(entries()).isEmpty();
    }

    /**
     * Nothing of the user's can be lost, so there is nothing to show as a conflict nor to
     * record as failed.
     */
    @Test
    void aSaveWithoutEditsOfAWidgetChangedElsewhereMeanwhileIsNoFailedEdit() throws Exception {
        cloudflare.changedElsewhere(SHOP, settings -> settings.withMode(WidgetMode.INVISIBLE));
        Route unchanged = UPDATE.with("edited.name", "Shop checkout").with("edited.domains", "example.com");

        mvc.perform(unchanged.by(Role.EDITOR)).andExpect(status().is3xxRedirection());

        assertThat(cloudflare.calls()).as("an unchanged form is not even compared with Cloudflare's").isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void anEditIsRecordedWithEachSettingItChangedOldToNew() throws Exception {
        mvc.perform(UPDATE.by(Role.EDITOR)).andExpect(status().is3xxRedirection());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.sitekey()).isEqualTo(SHOP.value());
        assertThat(entry.widgetName()).isEqualTo("Shop checkout v2");
        assertThat(entry.changes()).containsExactly(new FieldChange("Name", "Shop checkout", "Shop checkout v2"),
                new FieldChange("Domains", "example.com", "example.com, shop.example.com"));
    }

    @Test
    void aConflictingEditIsRecordedAsFailedWithNothingSaved() throws Exception {
        cloudflare.changedElsewhere(SHOP, settings -> settings.withMode(WidgetMode.INVISIBLE));

        mvc.perform(UPDATE.by(Role.EDITOR)).andExpect(status().isOk());

        AuditEntry entry = onlyEntry();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.error())
            .isEqualTo("Nothing was saved: someone else changed Mode since the edit form was opened");
        assertThat(entry.changes()).as("what the edit set out to change")
            .contains(new FieldChange("Name", "Shop checkout", "Shop checkout v2"));
        assertThat(cloudflare.calls()).containsExactly("get " + SHOP);
    }

    @Test
    void anEditCloudflareCouldNotTakeIsRecordedAsFailedWithWhatWentWrong() throws Exception {
        cloudflare.failNextCallWith(new CloudflareUnavailableException("get widget",
                CloudflareUnavailableException.Reason.TIMEOUT, 0, null, null));

        mvc.perform(UPDATE.by(Role.EDITOR)).andExpect(status().isUnprocessableContent());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.error()).isEqualTo("Cloudflare did not answer in time trying to get widget");
        assertThat(entry.widgetName()).as("never the form's, which the user could set to anything").isNull();
    }

    @Test
    void aRotationIsRecordedWithTheInvalidateImmediatelyChoice() throws Exception {
        mvc.perform(ROTATE.by(Role.ADMIN)).andExpect(status().isOk());
        mvc.perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN)).andExpect(status().isOk());

        assertThat(entries())
            .extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::invalidateImmediately,
                    AuditEntry::widgetName)
            .containsExactly(tuple(AuditAction.ROTATE_SECRET, AuditOutcome.SUCCEEDED, false, "Shop checkout"),
                    tuple(AuditAction.ROTATE_SECRET, AuditOutcome.SUCCEEDED, true, "Shop checkout"));
    }

    @Test
    void aRefusedRotationIsRecordedWithCloudflaresError() throws Exception {
        cloudflare.failNextCallWith(REFUSED);

        mvc.perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN)).andExpect(status().isOk());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.ROTATE_SECRET);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.invalidateImmediately()).isFalse();
        assertThat(entry.error()).contains("not allowed right now (Cloudflare error 10001, HTTP 400)");
    }

    @Test
    void aRefusedRotationIsNamedAsTheTrailLastNamedTheWidget() throws Exception {
        mvc.perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN)).andExpect(status().isOk());
        cloudflare.failNextCallWith(REFUSED);

        mvc.perform(ROTATE.with("invalidateImmediately", "false").by(Role.ADMIN)).andExpect(status().isOk());

        assertThat(entries()).extracting(AuditEntry::outcome, AuditEntry::widgetName)
            .containsExactly(tuple(AuditOutcome.FAILED, "Shop checkout"),
                    tuple(AuditOutcome.SUCCEEDED, "Shop checkout"));
    }

    @Test
    void aDeleteIsRecordedWithTheNameTheWidgetHad() throws Exception {
        mvc.perform(DELETE.by(Role.ADMIN)).andExpect(status().is3xxRedirection());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.sitekey()).isEqualTo(SHOP.value());
        assertThat(entry.widgetName()).isEqualTo("Shop checkout");
    }

    @Test
    void aDeleteOfAWidgetThatIsGoneIsRecordedAsFailed() throws Exception {
        cloudflare.removeAll();

        mvc.perform(DELETE.by(Role.ADMIN)).andExpect(status().isNotFound());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.error()).contains("not found (Cloudflare error 10007, HTTP 404)");
    }

    @Test
    void aRevealIsRecordedAndTheSecretIsNot() throws Exception {
        mvc.perform(REVEAL.by(Role.EDITOR)).andExpect(status().isOk());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.REVEAL_SECRET);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.widgetName()).isEqualTo("Shop checkout");
        assertThat(entry.toString()).doesNotContain(cloudflare.secret(SHOP).value());
    }

    @Test
    void aRevealCloudflareCouldNotAnswerIsRecordedAsFailed() throws Exception {
        cloudflare.failNextCallWith(new CloudflareUnavailableException("get widget",
                CloudflareUnavailableException.Reason.SERVER_ERROR, 502, null, null));

        mvc.perform(REVEAL.by(Role.EDITOR)).andExpect(status().isServiceUnavailable());

        AuditEntry entry = onlyEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.REVEAL_SECRET);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.error()).isEqualTo("Cloudflare answered with a server error trying to get widget (HTTP 502)");
    }

    @Test
    void whatARoleMayNotDoIsRefusedBeforeAnythingIsRecorded() throws Exception {
        mvc.perform(REVEAL.by(Role.VIEWER)).andExpect(status().isForbidden());
        mvc.perform(ROTATE.by(Role.EDITOR)).andExpect(status().isForbidden());

        assertThat(entries()).isEmpty();
    }

    @Test
    void readingIsNotRecorded() throws Exception {
        mvc.perform(Route.get(SHOP_PATH).by(Role.ADMIN)).andExpect(status().isOk());
        mvc.perform(Route.get(SHOP_PATH + "/edit").by(Role.ADMIN)).andExpect(status().isOk());

        assertThat(entries()).isEmpty();
    }

    private List<AuditEntry> entries() {
        return audit.search(ACCOUNT, AuditFilters.ALL, PageRequest.of(0, 50)).getContent();
    }

    private AuditEntry onlyEntry() {
        List<AuditEntry> entries = entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

}
