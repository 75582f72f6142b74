package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Teams message of each event against the documented shapes: the incoming webhook's
 * message with one Adaptive Card attachment, and the card by the Adaptive Card 1.4 schema
 * (its {@code type}, {@code version}, {@code body}, each element's required properties
 * and no property the schema does not define), under Teams' 28 KB.
 */
class TeamsMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The properties the 1.4 schema defines for what the card uses (additionalProperties:
     * false).
     */
    private static final Map<String, Set<String>> PROPERTIES = Map.of("AdaptiveCard",
            Set.of("type", "version", "body", "actions", "fallbackText", "$schema"), "TextBlock",
            Set.of("type", "text", "wrap", "size", "weight", "isSubtle", "spacing"), "FactSet", Set.of("type", "facts"),
            "Fact", Set.of("title", "value"), "Action.OpenUrl", Set.of("type", "url", "title"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventIsAnAdaptiveCardMessage(EventType type) {
        assertAdaptiveCardMessage(SampleEvents.of(type));
    }

    @Test
    void aRotationSaysWhoRotatedWhichWidgetAndLinksToItsPage() {
        JsonNode card = card(SampleEvents.of(EventType.SECRET_ROTATED));

        JsonNode body = card.path("body");
        assertThat(body.get(0).path("text").asString()).isEqualTo("Secret rotated: Shop widget");
        assertThat(body.get(1).path("text").asString())
            .isEqualTo("**Notify Admin** rotated the secret of [Shop widget](" + SampleEvents.URL + ") in **Acme**."
                    + " The old secret stopped working at once.");
        assertThat(body.get(2)
            .path("facts")
            .valueStream()
            .map(fact -> fact.path("title").asString() + ": " + fact.path("value").asString()))
            .containsExactly("Account: Acme", "By: Notify Admin", "When: 2026-12-07 15:56:18 UTC",
                    "Sitekey: " + SampleEvents.SITEKEY);
        assertThat(card.path("actions").get(0).path("url").asString()).isEqualTo(SampleEvents.URL);
    }

    @Test
    void aChangeIsAFactWithBeforeAndAfter() {
        JsonNode card = card(SampleEvents.of(EventType.WIDGET_UPDATED));

        assertThat(card.path("body").get(4).path("facts").get(0).path("title").asString()).isEqualTo("Mode");
        assertThat(card.path("body").get(4).path("facts").get(0).path("value").asString())
            .isEqualTo("managed → invisible");
    }

    @Test
    void aLongDomainListStaysUnderTeamsLimitAndSaysHowManyMore() {
        NotificationEvent event = SampleEvents.about(EventType.WIDGET_UPDATED, "Shop widget",
                List.of(SampleEvents.domains(150, 200), SampleEvents.domains(200, 150)));

        String message = TeamsChannel.message(event);

        assertAdaptiveCardMessage(event);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(10_000);
        assertThat(card(event).path("body").get(4).path("facts").get(0).path("value").asString())
            .containsPattern("… and 1\\d\\d more → shop-0\\.");
    }

    @Test
    void aNameIsEscapedSoThatItCannotBeALinkOrEmphasis() {
        NotificationEvent event = SampleEvents.about(EventType.WIDGET_DELETED,
                "*Urgent* [sign in](https://evil.example)", List.of());

        JsonNode card = card(event);

        assertThat(card.path("body").get(1).path("text").asString())
            .contains("[\\*Urgent\\* \\[sign in\\](https://evil.example)](" + SampleEvents.URL + ")");
    }

    @Test
    void aConnectorsOkThatSaysTeamsRefusedIsThatRefusal() {
        SendResult refused = TeamsChannel.answer(SendResult.delivered(200,
                "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with"
                        + " ContextId tcid=0,server=msgapi-production-eus-azsc1-1-18,cv=deadbeef.0.."));

        assertThat(refused.delivered()).isFalse();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(TeamsChannel.answer(SendResult.delivered(200, "1")).delivered()).isTrue();
        assertThat(TeamsChannel.answer(SendResult.delivered(202, "")).delivered()).isTrue();
        assertThat(TeamsChannel.answer(SendResult.refused(400, null, "Bad Request")).status()).isEqualTo(400);
    }

    private static JsonNode card(NotificationEvent event) {
        return JSON.readTree(TeamsChannel.message(event)).path("attachments").get(0).path("content");
    }

    private static void assertAdaptiveCardMessage(NotificationEvent event) {
        JsonNode message = JSON.readTree(TeamsChannel.message(event));
        assertThat(message.path("type").asString()).isEqualTo("message");
        assertThat(message.path("attachments").size()).isEqualTo(1);
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertDefined("AdaptiveCard", card);
        assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asString()).isEqualTo("1.4");
        assertThat(card.path("body").isArray()).isTrue();
        assertThat(card.path("body").size()).isPositive();
        for (JsonNode element : card.path("body")) {
            String type = element.path("type").asString();
            assertDefined(type, element);
            switch (type) {
                case "TextBlock" -> assertThat(element.path("text").asString()).isNotBlank();
                case "FactSet" -> {
                    assertThat(element.path("facts").size()).isPositive();
                    for (JsonNode fact : element.path("facts")) {
                        assertDefined("Fact", fact);
                        assertThat(fact.path("title").isString() && fact.path("value").isString()).isTrue();
                    }
                }
                default -> throw new AssertionError("Not an element the card uses: " + element);
            }
        }
        assertThat(card.path("actions").size()).isEqualTo(event.widget() == null ? 0 : 1);
        for (JsonNode action : card.path("actions")) {
            assertDefined(action.path("type").asString(), action);
            assertThat(action.path("url").asString()).startsWith("https://");
        }
    }

    private static void assertDefined(String type, JsonNode node) {
        assertThat(PROPERTIES).as("a type the card uses").containsKey(type);
        assertThat(new ArrayList<>(node.propertyNames())).as(type).isSubsetOf(PROPERTIES.get(type));
    }

}
