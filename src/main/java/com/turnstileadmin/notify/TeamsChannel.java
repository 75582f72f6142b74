package com.turnstileadmin.notify;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams incoming webhook (a Workflows "when a Teams webhook request is
 * received" flow, or an older connector): a message with one Adaptive Card 1.4, the
 * title, the sentence, the facts and the changed settings as fact sets, and a button to
 * the widget's page. A connector answers 200 even when Teams refused the message, with
 * "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP
 * error 429 ..." as its body: that is a refusal with Teams' status.
 */
final class TeamsChannel implements Channel {

    /**
     * Each side of a change: Teams refuses a message over 28 KB, and the eight settings
     * twice stay well under it.
     */
    static final int VALUE = 1000;

    private static final String CONNECTOR_FAILURE = "Webhook message delivery failed";

    private static final Pattern TEAMS_STATUS = Pattern.compile("HTTP error (\\d{3})");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Adaptive Cards' Markdown: the characters that would make emphasis, a link or code
     * escaped with a backslash.
     */
    static final EventText.Markup MARKDOWN = new EventText.Markup() {

        @Override
        public String text(String plain) {
            return escape(plain);
        }

        @Override
        public String strong(String plain) {
            return "**" + escape(plain) + "**";
        }

        @Override
        public String link(String label, String url) {
            return "[" + escape(label) + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
        }

    };

    private final URI url;

    TeamsChannel(URI url) {
        this.url = url;
    }

    @Override
    public SendResult send(NotificationEvent event, String json) {
        return answer(HttpPost.json(url, Map.of(), message(event)));
    }

    /** A connector's 200 that says Teams refused the message, as that refusal. */
    static SendResult answer(SendResult result) {
        if (!result.delivered() || !result.excerpt().startsWith(CONNECTOR_FAILURE)) {
            return result;
        }
        Matcher status = TEAMS_STATUS.matcher(result.excerpt());
        return SendResult.refused(status.find() ? Integer.parseInt(status.group(1)) : result.status(), null,
                result.excerpt());
    }

    /** The webhook's JSON for the event. */
    static String message(NotificationEvent event) {
        EventText text = new EventText(event);
        ObjectNode message = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments")
            .addObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode card = attachment.putObject("content")
            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .put("type", "AdaptiveCard")
            .put("version", "1.4")
            .put("fallbackText", MARKDOWN.text(text.summary()));
        ArrayNode body = card.putArray("body");
        textBlock(body, MARKDOWN.text(text.headline())).put("size", "medium").put("weight", "bolder");
        textBlock(body, text.sentence(MARKDOWN));
        ArrayNode facts = factSet(body);
        text.facts().forEach(fact -> fact(facts, fact.label(), fact.value()));
        if (!event.changes().isEmpty()) {
            textBlock(body, "Changes").put("weight", "bolder").put("spacing", "medium");
            ArrayNode changes = factSet(body);
            text.changes(VALUE)
                .forEach(change -> fact(changes, change.field(), change.before() + " → " + change.after()));
        }
        text.detail().ifPresent(detail -> textBlock(body, MARKDOWN.text(detail)).put("isSubtle", true));
        if (event.widget() != null) {
            card.putArray("actions")
                .addObject()
                .put("type", "Action.OpenUrl")
                .put("title", "Open in Turnstile Admin")
                .put("url", event.widget().url());
        }
        return JSON.writeValueAsString(message);
    }

    private static ObjectNode textBlock(ArrayNode body, String markdown) {
        return body.addObject().put("type", "TextBlock").put("text", markdown).put("wrap", true);
    }

    private static ArrayNode factSet(ArrayNode body) {
        return body.addObject().put("type", "FactSet").putArray("facts");
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", MARKDOWN.text(title)).put("value", MARKDOWN.text(value));
    }

    /** The Markdown characters of Adaptive Cards' subset, escaped. */
    static String escape(String plain) {
        StringBuilder escaped = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            if ("\\*_[]`".indexOf(c) != -1) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

}
