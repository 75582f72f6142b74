package com.turnstileadmin.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.turnstileadmin.notify.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetService;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's changes reach Slack and Teams over HTTP (WireMock standing in for both,
 * answering as they do): each in its own format, a 429 waited out as long as Slack asks,
 * a refusal recorded with Slack's reason, a Teams connector's 200 that says Teams refused
 * retried, and neither webhook's URL (their secret) ever shown or logged.
 */
@SpringBootTest(properties = { "notifications.dispatcher.enabled=true", "notifications.poll-interval=100ms",
        "notifications.retry.first=50ms", "notifications.retry.longest=200ms", "notifications.give-up-after=4s",
        "notifications.dashboard-url=https://turnstile-admin.example.com/" })
@ExtendWith(OutputCaptureExtension.class)
class ChatDeliveryTest {

    /**
     * The parts of the webhooks' URLs that are their secrets, as Slack's and Teams' are.
     */
    private static final String SLACK_PATH = "/services/T0ACME/B0NOTIFY/x7Sl4ckS3cretT0k3nAbCd";

    private static final String TEAMS_PATH = "/workflows/4f1c2a/triggers/manual/paths/invoke";

    private static final String TEAMS_SIGNATURE = "sig=T3amsS1gnatur3S3cretQwErTy";

    private static final WireMockServer chats = new WireMockServer(wireMockConfig().dynamicPort());

    private static final SignedInUser ADMIN = new SignedInUser("local:chat-admin", "Chat Admin", null, Role.ADMIN);

    private static final AtomicInteger MADE = new AtomicInteger();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void chats(DynamicPropertyRegistry registry) {
        chats.start();
        registry.add("notifications.slack[0].url", () -> chats.baseUrl() + SLACK_PATH);
        registry.add("notifications.teams[0].url", () -> chats.baseUrl() + TEAMS_PATH + "?" + TEAMS_SIGNATURE);
    }

    @AfterAll
    static void stopChats() {
        chats.stop();
    }

    @Autowired
    private WidgetService widgets;

    @Autowired
    private CloudflareAccounts accounts;

    @Autowired
    private NotificationDestinations destinations;

    @Autowired
    private NotificationProperties properties;

    @Autowired
    private JdbcTemplate jdbc;

    private AccountId account;

    @BeforeEach
    void signInAndAnswerAsSlackAndTeamsDo() {
        SecurityContextHolder.getContext()
            .setAuthentication(new TestingAuthenticationToken(ADMIN, null, Role.ADMIN.authorities()));
        account = accounts.first().id();
        chats.resetAll();
        chats.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
        // A Workflows webhook accepts with 202 and no body.
        chats.stubFor(post(urlPathEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEditArrivesInSlackAndInTeamsEachInItsOwnFormat() throws Exception {
        String name = name("Edited");
        Widget widget = widgets.create(ADMIN, account, settings(name)).result().widget();
        widgets.update(ADMIN, account, widget.sitekey(), widget.settings(),
                widget.settings().withMode(WidgetMode.INVISIBLE), widget.modifiedOn());

        await("both in both", Duration.ofSeconds(10),
                () -> requests(SLACK_PATH, name).size() == 2 && requests(TEAMS_PATH, name).size() == 2);

        List<LoggedRequest> slack = requests(SLACK_PATH, name);
        assertThat(slack).allSatisfy(
                request -> assertThat(request.header("Content-Type").firstValue()).isEqualTo("application/json"));
        JsonNode update = JSON.readTree(slack.get(1).getBodyAsString());
        assertThat(update.path("blocks").get(0).path("text").path("text").asString())
            .isEqualTo("Widget changed: " + name);
        assertThat(update.path("text").asString())
            .isEqualTo("*Chat Admin* changed 1 setting of <https://turnstile-admin.example.com/accounts/"
                    + account.value() + "/widgets/" + widget.sitekey().value() + "|" + name + "> in *"
                    + accounts.first().displayName() + "*.");
        assertThat(update.path("blocks").valueStream().map(block -> block.path("text").path("text").asString()))
            .contains("*Mode*\nmanaged → invisible");

        List<LoggedRequest> teams = requests(TEAMS_PATH, name);
        assertThat(teams.get(0).queryParameter("sig").firstValue()).isEqualTo(TEAMS_SIGNATURE.substring(4));
        JsonNode card = JSON.readTree(teams.get(1).getBodyAsString()).path("attachments").get(0).path("content");
        assertThat(card.path("body").get(0).path("text").asString()).isEqualTo("Widget changed: " + name);
        assertThat(card.path("actions").get(0).path("url").asString()).endsWith("/widgets/" + widget.sitekey().value());

        assertThat(delivery("slack[0]", name)).containsEntry("STATUS", "DELIVERED").containsEntry("LAST_STATUS", 200);
        assertThat(delivery("teams[0]", name)).containsEntry("STATUS", "DELIVERED").containsEntry("LAST_STATUS", 202);
    }

    @Test
    void slackAskingToWaitIsLeftAloneThatLong() throws Exception {
        String name = name("Limited");
        answerFirstThen(SLACK_PATH, name,
                aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("rate_limited"),
                aResponse().withStatus(200).withBody("ok"));

        widgets.create(ADMIN, account, settings(name));

        await("delivered after waiting", Duration.ofSeconds(10),
                () -> "DELIVERED".equals(delivery("slack[0]", name).get("STATUS")));
        List<LoggedRequest> attempts = requests(SLACK_PATH, name);
        assertThat(attempts).hasSize(2);
        // Without Retry-After the wait would be 25 to 50 ms.
        assertThat(Duration.between(attempts.get(0).getLoggedDate().toInstant(),
                attempts.get(1).getLoggedDate().toInstant()))
            .isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void aSlackChannelGoneFailsAtOnceWithItsReasonRecorded(CapturedOutput output) throws Exception {
        String name = name("Archived");
        chats.stubFor(post(urlPathEqualTo(SLACK_PATH)).withRequestBody(containing(name))
            .willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));

        widgets.create(ADMIN, account, settings(name));

        await("given up", Duration.ofSeconds(10), () -> "FAILED".equals(delivery("slack[0]", name).get("STATUS")));
        assertThat(delivery("slack[0]", name)).containsEntry("LAST_STATUS", 410)
            .containsEntry("LAST_RESPONSE", "channel_is_archived");
        assertThat(delivery("slack[0]", name)).containsEntry("ATTEMPTS", 1);
        assertThat(output.getAll()).contains("to slack[0] not delivered").doesNotContain(SLACK_PATH);
    }

    @Test
    void aTeamsConnectorsOkThatSaysTeamsRefusedIsRetried() throws Exception {
        String name = name("Throttled");
        answerFirstThen(TEAMS_PATH, name,
                aResponse().withStatus(200)
                    .withBody("Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error"
                            + " 429 with ContextId tcid=0,server=msgapi-production-weu-azsc2-3-41,cv=q1w2e3.0.."),
                aResponse().withStatus(200).withBody("1"));

        widgets.create(ADMIN, account, settings(name));

        await("delivered the second time", Duration.ofSeconds(10),
                () -> "DELIVERED".equals(delivery("teams[0]", name).get("STATUS")));
        assertThat(requests(TEAMS_PATH, name)).hasSize(2);
        assertThat(delivery("teams[0]", name)).containsEntry("ATTEMPTS", 2).containsEntry("LAST_STATUS", 200);
    }

    @Test
    void theirUrlsAreNeverShownOnlyTheirHosts() {
        assertThat(destinations.find("slack[0]").orElseThrow().target()).isEqualTo("localhost (Slack)");
        assertThat(destinations.find("teams[0]").orElseThrow().target()).isEqualTo("localhost (Teams)");
        assertThat(properties.toString()).doesNotContain(SLACK_PATH, TEAMS_PATH, TEAMS_SIGNATURE);
    }

    /**
     * The requests about the widget so named answered with {@code first}, then
     * {@code later}.
     */
    private static void answerFirstThen(String path, String name, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder later) {
        chats.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(name))
            .inScenario(name)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("answered")
            .willReturn(first));
        chats.stubFor(post(urlPathEqualTo(path)).withRequestBody(containing(name))
            .inScenario(name)
            .whenScenarioStateIs("answered")
            .willReturn(later));
    }

    private static List<LoggedRequest> requests(String path, String marker) {
        return chats.findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(marker)));
    }

    private Map<String, Object> delivery(String destination, String name) {
        return DeliveryRows.of(jdbc, destination, name);
    }

    private static String name(String purpose) {
        return "Chat " + purpose + " " + MADE.incrementAndGet();
    }

    private static WidgetSettings settings(String name) {
        return WidgetSettings.of(name, List.of("chat.example.com"), WidgetMode.MANAGED);
    }

}
