package com.turnstileadmin.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming webhook: a Block Kit message (a header, the sentence with the widget
 * linked, the facts, a section per changed setting) and the sentence as the {@code text}
 * that notifications and old clients show, within Block Kit's limits. Slack answers 200
 * {@code ok}; a refusal is a 4xx with its reason in the body ({@code invalid_payload},
 * {@code channel_is_archived}), a 429 with {@code Retry-After}: {@link HttpPost} makes
 * each a {@link SendResult} with that status, body and wait.
 */
final class SlackChannel implements Channel {

    /** Block Kit's limits: header text, section text, a field, fields, blocks. */
    static final int HEADER = 150;

    static final int SECTION = 3000;

    static final int FIELD = 2000;

    static final int FIELDS = 10;

    static final int BLOCKS = 50;

    /** Each side of a change, so that both and the field name fit in a section. */
    private static final int VALUE = 1400;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Slack's mrkdwn: only &, < and > are escaped; a link is {@code <url|label>}. */
    static final EventText.Markup MRKDWN = new EventText.Markup() {

        @Override
        public String text(String plain) {
            return escape(plain);
        }

        @Override
        public String strong(String plain) {
            return "*" + escape(plain) + "*";
        }

        @Override
        public String link(String label, String url) {
            return "<" + escape(url) + "|" + escape(label) + ">";
        }

    };

    private final URI url;

    SlackChannel(URI url) {
        this.url = url;
    }

    @Override
    public SendResult send(NotificationEvent event, String json) {
        return HttpPost.json(url, Map.of(), message(event));
    }

    /** The webhook's JSON for the event. */
    static String message(NotificationEvent event) {
        EventText text = new EventText(event);
        ObjectNode message = JSON.createObjectNode();
        // What a phone's notification shows: who did what to which widget, where.
        message.put("text", cut(text.sentence(MRKDWN), SECTION));
        // A link to the dashboard must not be fetched by Slack for a preview.
        message.put("unfurl_links", false);
        message.put("unfurl_media", false);
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", EventText.cut(text.headline(), HEADER));
        section(blocks, text.sentence(MRKDWN));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        for (EventText.Fact fact : text.facts().subList(0, Math.min(FIELDS, text.facts().size()))) {
            fields.addObject()
                .put("type", "mrkdwn")
                .put("text", cut("*" + fact.label() + "*\n" + escape(fact.value()), FIELD));
        }
        List<EventText.ChangeLine> changes = text.changes(Integer.MAX_VALUE);
        // The blocks left once the detail and the context have theirs.
        int room = BLOCKS - blocks.size() - (text.detail().isPresent() ? 1 : 0) - 1;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.size() > room && i == room - 1) {
                section(blocks, "…and " + (changes.size() - i) + " more changed settings");
                break;
            }
            EventText.ChangeLine change = changes.get(i);
            // Shortened once escaped: an entity counts as the characters Slack counts.
            section(blocks,
                    "*" + escape(change.field()) + "*\n" + value(change.before()) + " → " + value(change.after()));
        }
        text.detail().ifPresent(detail -> section(blocks, escape(detail)));
        blocks.addObject()
            .put("type", "context")
            .putArray("elements")
            .addObject()
            .put("type", "mrkdwn")
            .put("text", "Turnstile Admin · `" + event.type().wireName() + "` · " + event.id());
        return JSON.writeValueAsString(message);
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject()
            .put("type", "section")
            .putObject("text")
            .put("type", "mrkdwn")
            .put("text", cut(mrkdwn, SECTION));
    }

    /** Cut to {@code longest} characters, never inside an entity such as &amp;amp;. */
    static String cut(String mrkdwn, int longest) {
        return wholeEntities(EventText.cut(mrkdwn, longest));
    }

    /**
     * A setting's value, escaped and then shortened, so that Slack counts what is sent.
     */
    private static String value(String plain) {
        return wholeEntities(EventText.shortened(escape(plain), VALUE));
    }

    /** Text whose cut ({@code …}) fell inside an entity, cut before it instead. */
    private static String wholeEntities(String cut) {
        int amp = cut.lastIndexOf('&');
        return cut.endsWith("…") && amp != -1 && amp >= cut.length() - 6 && cut.indexOf(';', amp) == -1
                ? cut.substring(0, amp) + "…" : cut;
    }

    /** As Slack asks of text it should not read as markup or a mention. */
    static String escape(String plain) {
        return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
