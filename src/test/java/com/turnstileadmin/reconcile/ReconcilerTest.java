package com.turnstileadmin.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.Credentials;
import com.turnstileadmin.audit.Attribution;
import com.turnstileadmin.cloudflare.CloudflareClientProperties;
import com.turnstileadmin.cloudflare.CloudflareWidgetClient;
import com.turnstileadmin.sandbox.SandboxServer;
import org.springframework.web.reactive.function.client.WebClient;
import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.EditConflictException;
import com.turnstileadmin.widget.NoOutsideChangeException;
import com.turnstileadmin.widget.OwnWrites;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetDeletedOutsideException;
import com.turnstileadmin.widget.WidgetDetails;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciler against the sandbox over HTTP, in the app with its database: a change
 * made at Cloudflare behind the dashboard's back (by another tool with a token of its
 * own, "terraform-ci", over HTTP) is recorded as that token's, once, from the account's
 * audit logs, or as someone else's where the token may not read them; the dashboard's own
 * changes, finished or in flight while the reconciler reads, never are.
 */
@SpringBootTest(
        properties = { "sandbox.api-token=" + ReconcilerTest.TERRAFORM_TOKEN, "sandbox.api-token-name=terraform-ci" })
class ReconcilerTest {

    static final String TERRAFORM_TOKEN = "reconciler-test-terraform-token-0123456789";

    private static final AtomicInteger MADE = new AtomicInteger();

    private static final SignedInUser ADMIN = new SignedInUser("local:reconciler-admin", "Reconciler Admin", null,
            Role.ADMIN);

    @Autowired
    private Reconciler reconciler;

    /** Another tool at Cloudflare: a client of its own, with the fixed token. */
    private TurnstileWidgets cloudflare;

    @Autowired
    private SandboxServer sandbox;

    @Autowired
    private CloudflareClientProperties clientProperties;

    @Autowired
    private WidgetService widgets;

    @Autowired
    private OwnWrites own;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private CloudflareAccounts accounts;

    private AccountId account;

    /** Signed in as an admin, and every change made so far known to the reconciler. */
    @BeforeEach
    void signInAndSettle() {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken(ADMIN, null, Role.ADMIN.authorities()));
        account = accounts.first().id();
        cloudflare = new CloudflareWidgetClient(WebClient.builder(),
                new CloudflareAccounts(accounts.apiBaseUrl(), List
                    .of(new CloudflareAccount(account, "Terraform's", new Credentials.ApiToken(TERRAFORM_TOKEN))),
                        false),
                clientProperties);
        sandbox.auditLogPermission(true);
        reconciler.reconcile(account);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aChangeMadeOutsideIsRecordedAsSomeoneElsesWithWhatChangedOnce() {
        Widget widget = widgets.create(ADMIN, account, settings("Outside edit")).result().widget();
        reconciler.reconcile(account);

        cloudflare.update(account, widget.sitekey(), widget.settings().withName(widget.name() + " (renamed)"));
        Reconciler.Run run = reconciler.reconcile(account);
        reconciler.reconcile(account);

        assertThat(run.found()).containsEntry(AuditAction.UPDATE, 1);
        List<AuditEntry> outside = outside(widget.sitekey());
        assertThat(outside).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(entry.actorName()).isEqualTo("API token “terraform-ci”");
            assertThat(entry.actorSubject()).isEqualTo("cloudflare:token:" + sandbox.fixedApiTokenId().orElseThrow());
            assertThat(entry.attribution()).isEqualTo(Attribution.NAMED);
            assertThat(entry.widgetName()).isEqualTo(widget.name() + " (renamed)");
            assertThat(entry.changes())
                .containsExactly(new FieldChange("Name", widget.name(), widget.name() + " (renamed)"));
            assertThat(entry.via()).isEqualTo("api");
        });
    }

    @Test
    void withoutTheAuditLogsPermissionTheChangeIsSomeoneOutsidesAndSaysWhy() {
        Widget widget = widgets.create(ADMIN, account, settings("Unnamed")).result().widget();
        reconciler.reconcile(account);
        sandbox.auditLogPermission(false);

        cloudflare.update(account, widget.sitekey(), widget.settings().withName(widget.name() + " (renamed)"));
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).singleElement().satisfies(entry -> {
            assertThat(entry.actorName()).isEqualTo(AuditTrail.OUTSIDE_NAME);
            assertThat(entry.attribution()).isEqualTo(Attribution.PERMISSION_MISSING);
            assertThat(entry.via()).isEqualTo("api");
        });
    }

    @Test
    void theDashboardsOwnChangesAreNeverOutside() {
        Widget widget = widgets.create(ADMIN, account, settings("Own edit")).result().widget();
        widgets.update(ADMIN, account, widget.sitekey(), widget.settings(), widget.settings().withName("Own edit 2"),
                widget.modifiedOn());
        widgets.rotateSecret(ADMIN, account, widget.sitekey(), true);
        reconciler.reconcile(account);
        widgets.delete(ADMIN, account, widget.sitekey());
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).isEmpty();
        assertThat(audit.historyOf(account, widget.sitekey().value())).extracting(AuditEntry::actorKind)
            .containsOnly(ActorKind.USER);
    }

    @Test
    void aWriteInFlightWhileTheReconcilerReadsIsNotOutside() {
        Widget widget = widgets.create(ADMIN, account, settings("In flight")).result().widget();
        reconciler.reconcile(account);

        // The write has reached Cloudflare, not yet come back, when the reconciler reads.
        Widget written;
        try (OwnWrites.InFlight write = own.starting(account, widget.sitekey())) {
            written = cloudflare.update(account, widget.sitekey(), widget.settings().withMode(WidgetMode.INVISIBLE))
                .widget();
            reconciler.reconcile(account);
            own.wrote(account, written, null, widget.settings());
        }
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).isEmpty();
    }

    @Test
    void aChangeMadeOutsideIsRecordedEvenIfTheDashboardWritesTheWidgetBeforeTheNextRun() {
        Widget widget = widgets.create(ADMIN, account, settings("Then edited here")).result().widget();
        reconciler.reconcile(account);

        cloudflare.update(account, widget.sitekey(), widget.settings().withMode(WidgetMode.INVISIBLE));
        // A user opens the edit form after that change and renames the widget.
        Widget seen = cloudflare.widget(account, widget.sitekey());
        widgets.update(ADMIN, account, widget.sitekey(), seen.settings(), seen.settings().withName("Renamed here"),
                seen.modifiedOn());
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).singleElement()
            .satisfies(entry -> assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("Mode"));
        assertThat(audit.historyOf(account, widget.sitekey().value())).filteredOn(e -> e.actorKind() == ActorKind.USER)
            .extracting(AuditEntry::action)
            .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }

    @Test
    void aWidgetCreatedAndOneDeletedOutsideAreRecorded() {
        Widget doomed = widgets.create(ADMIN, account, settings("Deleted outside")).result().widget();
        reconciler.reconcile(account);

        Widget created = cloudflare.create(account, settings("Created outside")).widget();
        cloudflare.delete(account, doomed.sitekey());
        reconciler.reconcile(account);

        assertThat(outside(created.sitekey())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
            assertThat(entry.changes()).extracting(FieldChange::field).contains("Name", "Domains");
            // The time Cloudflare's audit log recorded, a moment apart from modified_on.
            assertThat(entry.occurredAt()).isCloseTo(created.modifiedOn(), within(1, ChronoUnit.SECONDS));
            assertThat(entry.actorName()).isEqualTo("API token “terraform-ci”");
        });
        assertThat(outside(doomed.sitekey())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
            assertThat(entry.actorName()).isEqualTo("API token “terraform-ci”");
        });
        // Its page says who deleted it, and that it cannot come back.
        assertThatThrownBy(() -> widgets.details(ADMIN, account, doomed.sitekey())).isInstanceOfSatisfying(
                WidgetDeletedOutsideException.class,
                gone -> assertThat(gone.deletion().actorName()).isEqualTo("API token “terraform-ci”"));
    }

    @Test
    void aRotationOutsideIsFoundAndStartsTheGracePeriod() {
        Widget widget = widgets.create(ADMIN, account, settings("Rotated outside")).result().widget();
        reconciler.reconcile(account);

        Instant before = Instant.now();
        cloudflare.rotateSecret(account, widget.sitekey(), false);
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.ROTATE_SECRET);
            assertThat(entry.attribution()).isEqualTo(Attribution.NAMED);
            assertThat(entry.invalidateImmediately()).isFalse();
        });
        assertThat(widgets.details(ADMIN, account, widget.sitekey()).gracePeriodEnd()).hasValueSatisfying(
                end -> assertThat(end).isBetween(before.plusSeconds(7190), Instant.now().plusSeconds(7210)));
    }

    @Test
    void aRotationOutsideThatInvalidatedTheOldSecretAtOnceHasNoGracePeriod() {
        Widget widget = widgets.create(ADMIN, account, settings("Rotated outside at once")).result().widget();
        reconciler.reconcile(account);

        cloudflare.rotateSecret(account, widget.sitekey(), true);
        reconciler.reconcile(account);

        assertThat(outside(widget.sitekey())).singleElement()
            .satisfies(entry -> assertThat(entry.invalidateImmediately()).isTrue());
        assertThat(widgets.details(ADMIN, account, widget.sitekey()).gracePeriodEnd()).isEmpty();
    }

    @Test
    void aChangeMadeOutsideAwaitsSomeoneAndIsKeptOrRevertedThroughTheEditPath() {
        Widget kept = widgets.create(ADMIN, account, settings("Kept")).result().widget();
        Widget reverted = widgets.create(ADMIN, account, settings("Reverted")).result().widget();
        reconciler.reconcile(account);
        cloudflare.update(account, kept.sitekey(), kept.settings().withMode(WidgetMode.INVISIBLE));
        Widget changed = cloudflare
            .update(account, reverted.sitekey(), reverted.settings().withMode(WidgetMode.NON_INTERACTIVE))
            .widget();
        reconciler.reconcile(account);

        assertThat(widgets.changedOutside(ADMIN, account, List.of(kept.sitekey(), reverted.sitekey())))
            .containsOnlyKeys(kept.sitekey(), reverted.sitekey());
        WidgetDetails.OutsideNotice notice = widgets.details(ADMIN, account, reverted.sitekey()).outside();
        assertThat(notice).isNotNull();
        assertThat(notice.revertible()).isTrue();
        assertThat(notice.latest().actorName()).isEqualTo("API token “terraform-ci”");

        widgets.keepOutsideChange(ADMIN, account, kept.sitekey());
        widgets.revertOutsideChange(ADMIN, account, reverted.sitekey(), changed.modifiedOn());
        reconciler.reconcile(account);

        assertThat(widgets.changedOutside(ADMIN, account, List.of(kept.sitekey(), reverted.sitekey()))).isEmpty();
        assertThat(cloudflare.widget(account, kept.sitekey()).settings().mode()).isEqualTo(WidgetMode.INVISIBLE);
        assertThat(cloudflare.widget(account, reverted.sitekey()).settings()).isEqualTo(reverted.settings());
        assertThat(audit.historyOf(account, kept.sitekey().value()).get(0).action())
            .isEqualTo(AuditAction.KEEP_OUTSIDE_CHANGE);
        AuditEntry revert = audit.historyOf(account, reverted.sitekey().value()).get(0);
        assertThat(revert.actorKind()).isEqualTo(ActorKind.USER);
        assertThat(revert.changes()).extracting(FieldChange::field).containsExactly("Mode");
        assertThat(outside(reverted.sitekey())).hasSize(1);
    }

    @Test
    void aRevertOfAWidgetChangedAgainSinceThePageWasShownIsRefused() {
        Widget widget = widgets.create(ADMIN, account, settings("Changed again")).result().widget();
        reconciler.reconcile(account);
        Widget shown = cloudflare.update(account, widget.sitekey(), widget.settings().withMode(WidgetMode.INVISIBLE))
            .widget();
        reconciler.reconcile(account);
        cloudflare.update(account, widget.sitekey(), shown.settings().withName("Changed again, again"));

        assertThatThrownBy(() -> widgets.revertOutsideChange(ADMIN, account, widget.sitekey(), shown.modifiedOn()))
            .isInstanceOf(EditConflictException.class);
        assertThat(cloudflare.widget(account, widget.sitekey()).name()).isEqualTo("Changed again, again");
        assertThat(widgets.changedOutside(ADMIN, account, List.of(widget.sitekey()))).isNotEmpty();
    }

    @Test
    void aWidgetCreatedOutsideCanBeKeptButNotReverted() {
        Widget created = cloudflare.create(account, settings("Created outside, kept")).widget();
        reconciler.reconcile(account);

        assertThat(widgets.details(ADMIN, account, created.sitekey()).outside().revertible()).isFalse();
        assertThatThrownBy(() -> widgets.revertOutsideChange(ADMIN, account, created.sitekey(), created.modifiedOn()))
            .isInstanceOf(NoOutsideChangeException.class);
        widgets.keepOutsideChange(ADMIN, account, created.sitekey());
        assertThat(widgets.details(ADMIN, account, created.sitekey()).outside()).isNull();
    }

    @Test
    void whatWasKnownOfAnEarlierSandboxIsForgottenAtStartSoNothingIsReportedOfIt(
            @Autowired @Qualifier("forgetAnEarlierSandbox") ApplicationRunner forget, @Autowired KnownWidgets known)
            throws Exception {
        Widget widget = widgets.create(ADMIN, account, settings("Earlier sandbox")).result().widget();
        assertThat(known.find(account, widget.sitekey())).isNotNull();

        forget.run(null);

        assertThat(known.find(account, widget.sitekey())).isNull();
        assertThat(known.baselined(account)).isFalse();
        assertThat(reconciler.reconcile(account).baseline()).isTrue();
    }

    @Test
    void aWidgetDeletedWhileTheReconcilerWasStoppedIsNamedFromTheLogsSinceItsLastRun(@Autowired KnownWidgets known,
            @Autowired AccountAuditLogs auditLogs, @Autowired TransactionTemplate transactions,
            @Autowired ReconcilerProperties properties, @Autowired MessageSource messages,
            @Autowired TurnstileWidgets app) {
        Widget doomed = widgets.create(ADMIN, account, settings("Deleted while stopped")).result().widget();
        reconciler.reconcile(account);

        cloudflare.delete(account, doomed.sitekey());
        // Started again two hours later: the delete is long before the last interval.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        try {
            new Reconciler(app, auditLogs, known, audit, transactions, properties, later, messages).reconcile(account);
        }
        finally {
            known.markRead(account, Instant.now());
        }

        assertThat(outside(doomed.sitekey())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.DELETE);
            assertThat(entry.attribution()).isEqualTo(Attribution.NAMED);
            assertThat(entry.actorName()).isEqualTo("API token “terraform-ci”");
        });
    }

    private List<AuditEntry> outside(Sitekey sitekey) {
        return audit.historyOf(account, sitekey.value())
            .stream()
            .filter(entry -> entry.actorKind() == ActorKind.OUTSIDE)
            .toList();
    }

    private static WidgetSettings settings(String purpose) {
        return WidgetSettings.of("Reconciler " + purpose + " " + MADE.incrementAndGet(),
                List.of("reconciler.example.com"), WidgetMode.MANAGED);
    }

}
