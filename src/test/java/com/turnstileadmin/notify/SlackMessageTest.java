package com.turnstileadmin.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Slack message of each event against Slack's documented shape for incoming webhooks:
 * a {@code text} fallback, and Block Kit blocks within their limits (a header's plain
 * text at most 150 characters, a section's text 3,000, at most 10 fields of 2,000 each,
 * at most 50 blocks), with names escaped as Slack asks.
 */
class SlackMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventIsAMessageWithinBlockKitsLimits(EventType type) {
        JsonNode message = message(SampleEvents.of(type));

        assertWithinBlockKit(message);
        assertThat(texts(message)).anySatisfy(text -> assertThat(text).contains(type.wireName()));
    }

    @Test
    void aRotationSaysWhoRotatedWhichWidgetLinkedToItsPageAndWhen() {
        JsonNode message = message(SampleEvents.of(EventType.SECRET_ROTATED));

        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("text").path("text").asString()).isEqualTo("Secret rotated: Shop widget");
        assertThat(blocks.get(1).path("text").path("text").asString())
            .isEqualTo("*Notify Admin* rotated the secret of <" + SampleEvents.URL + "|Shop widget> in *Acme*."
                    + " The old secret stopped working at once.");
        assertThat(blocks.get(2).path("fields").valueStream().map(field -> field.path("text").asString()))
            .containsExactly("*Account*\nAcme", "*By*\nNotify Admin", "*When*\n2026-12-07 15:56:18 UTC",
                    "*Sitekey*\n" + SampleEvents.SITEKEY);
        assertThat(message.path("text").asString()).isEqualTo(blocks.get(1).path("text").path("text").asString());
        assertThat(message.path("unfurl_links").asBoolean(true)).isFalse();
    }

    @Test
    void aChangeShowsEachSettingBeforeAndAfter() {
        JsonNode message = message(SampleEvents.of(EventType.WIDGET_UPDATED));

        assertThat(texts(message)).contains("*Mode*\nmanaged → invisible");
    }

    @Test
    void aLongDomainListIsShortenedAtADomainSayingHowManyMore() {
        NotificationEvent event = SampleEvents.about(EventType.WIDGET_UPDATED, "Shop widget",
                List.of(SampleEvents.domains(150, 200)));

        JsonNode message = message(event);

        assertWithinBlockKit(message);
        String change = texts(message).stream().filter(text -> text.startsWith("*Domains*")).findFirst().orElseThrow();
        assertThat(change).containsPattern("acme-retail\\.example\\.com, … and 1\\d\\d more → shop-0\\.")
            .containsPattern("acme-retail\\.example\\.com, … and 1\\d\\d more$");
    }

    @Test
    void moreChangesThanBlocksEndInOneThatCountsTheRest() {
        List<NotificationEvent.Change> changes = IntStream.range(0, 80)
            .mapToObj(i -> new NotificationEvent.Change("Setting " + i, "a", "b"))
            .toList();

        JsonNode message = message(SampleEvents.about(EventType.WIDGET_UPDATED, "Shop widget", changes));

        assertWithinBlockKit(message);
        assertThat(message.path("blocks").size()).isEqualTo(SlackChannel.BLOCKS);
        assertThat(texts(message)).contains("…and 35 more changed settings");
    }

    @Test
    void aNameIsEscapedSoThatItCannotMentionTheChannelOrLinkElsewhere() {
        String name = "<!channel> Tom & Jerry <https://evil.example|sign in>";
        NotificationEvent event = SampleEvents.about(EventType.WIDGET_UPDATED, name,
                List.of(new NotificationEvent.Change("Name", "Shop", name)));

        JsonNode message = message(event);

        List<String> mrkdwn = new ArrayList<>(texts(message));
        mrkdwn.remove(message.path("blocks").get(0).path("text").path("text").asString());
        assertThat(mrkdwn).allSatisfy(text -> assertThat(text).doesNotContain("<!channel>", "<https://evil"));
        assertThat(mrkdwn)
            .allSatisfy(text -> assertThat(text.replace("<" + SampleEvents.URL + "|", "")).doesNotContain("<"));
        assertThat(message.path("blocks").get(1).path("text").path("text").asString()).contains(
                "<" + SampleEvents.URL + "|&lt;!channel&gt; Tom &amp; Jerry &lt;https://evil.example|sign in&gt;>");
        // A header is plain text, which Slack shows as it is.
        assertThat(message.path("blocks").get(0).path("text").path("text").asString()).endsWith(name);
    }

    @Test
    void aCutNeverEndsInsideAnEntity() {
        assertThat(SlackChannel.cut("a".repeat(2995) + "&amp;&amp;", 3000)).isEqualTo("a".repeat(2995) + "…");
        assertThat(SlackChannel.cut("a".repeat(2990) + "&amp;&amp;&amp;", 3000))
            .isEqualTo("a".repeat(2990) + "&amp;" + "…");
    }

    private static JsonNode message(NotificationEvent event) {
        return JSON.readTree(SlackChannel.message(event));
    }

    /** Every text of the message: the fallback, and each block's. */
    private static List<String> texts(JsonNode message) {
        List<String> texts = new ArrayList<>(List.of(message.path("text").asString()));
        for (JsonNode block : message.path("blocks")) {
            if (block.has("text")) {
                texts.add(block.path("text").path("text").asString());
            }
            block.path("fields").forEach(field -> texts.add(field.path("text").asString()));
            block.path("elements").forEach(element -> texts.add(element.path("text").asString()));
        }
        return texts;
    }

    private static void assertWithinBlockKit(JsonNode message) {
        assertThat(message.propertyNames()).containsExactlyInAnyOrder("text", "blocks", "unfurl_links", "unfurl_media");
        assertThat(message.path("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(SlackChannel.SECTION);
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.size()).isBetween(1, SlackChannel.BLOCKS);
        for (JsonNode block : blocks) {
            switch (block.path("type").asString()) {
                case "header" -> {
                    assertThat(block.path("text").path("type").asString()).isEqualTo("plain_text");
                    assertThat(block.path("text").path("text").asString()).isNotBlank()
                        .hasSizeLessThanOrEqualTo(SlackChannel.HEADER);
                }
                case "section" -> {
                    assertThat(block.has("text") || block.has("fields")).as("a section has text or fields").isTrue();
                    if (block.has("text")) {
                        assertMrkdwn(block.path("text"), SlackChannel.SECTION);
                    }
                    if (block.has("fields")) {
                        assertThat(block.path("fields").size()).isBetween(1, SlackChannel.FIELDS);
                        block.path("fields").forEach(field -> assertMrkdwn(field, SlackChannel.FIELD));
                    }
                }
                case "context" -> {
                    assertThat(block.path("elements").size()).isBetween(1, 10);
                    block.path("elements").forEach(element -> assertMrkdwn(element, SlackChannel.SECTION));
                }
                default -> throw new AssertionError("A block Slack does not know: " + block);
            }
        }
    }

    private static void assertMrkdwn(JsonNode text, int longest) {
        assertThat(text.path("type").asString()).isEqualTo("mrkdwn");
        assertThat(text.path("text").asString()).isNotBlank().hasSizeLessThanOrEqualTo(longest);
    }

}
