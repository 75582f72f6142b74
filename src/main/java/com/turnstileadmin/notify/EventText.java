package com.turnstileadmin.notify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An event in words, for the messages people read (Slack, Teams, e-mail): its title, the
 * sentence saying what happened, the facts beside it and the changed settings. Each
 * channel gives its own {@link Markup}, so that names read as links or bold where it can
 * show them, and a name can never be read as markup.
 */
final class EventText {

    /**
     * What a value that is missing reads as: a setting cleared, or set for the first
     * time.
     */
    static final String NONE = "(none)";

    private static final DateTimeFormatter TIME = DateTimeFormatter
        .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final NotificationEvent event;

    EventText(NotificationEvent event) {
        this.event = event;
    }

    /** How a channel writes text: escaped, bold, a link. */
    interface Markup {

        String text(String plain);

        String strong(String plain);

        String link(String label, String url);

    }

    /** A label and its value, e.g. "By" and "Ada Lovelace (via wrangler)". */
    record Fact(String label, String value) {
    }

    /** A setting changed, each side {@link #NONE} where it had no value. */
    record ChangeLine(String field, String before, String after) {
    }

    /** "Secret rotated", "Widget changed outside the dashboard", ... */
    String title() {
        return switch (event.type()) {
            case WIDGET_CREATED -> "Widget created";
            case WIDGET_UPDATED -> "Widget changed";
            case WIDGET_DELETED -> "Widget deleted";
            case SECRET_ROTATED -> "Secret rotated";
            case SECRET_REVEALED -> "Secret revealed";
            case ROTATION_REFUSED -> "Rotation refused";
            case CHANGED_OUTSIDE -> switch (String.valueOf(event.action())) {
                case "created" -> "Widget created outside the dashboard";
                case "deleted" -> "Widget deleted outside the dashboard";
                case "secret_rotated" -> "Secret rotated outside the dashboard";
                default -> "Widget changed outside the dashboard";
            };
            case GRACE_PERIOD_ENDING -> "Grace period ending";
            case SOLVE_RATE_DROPPED -> "Solve rate dropped";
            case INVALID_TOKENS_RISING -> "Invalid tokens rising";
            case CLOUDFLARE_UNREACHABLE -> "Cloudflare unreachable";
            case TEST -> "Test notification";
        };
    }

    /** The title and the widget: "Secret rotated: Shop widget". */
    String headline() {
        return event.widget() == null ? title() : title() + ": " + event.widget().name();
    }

    /** The headline and the account: "Secret rotated: Shop widget (Acme)". */
    String summary() {
        return headline() + " (" + event.account().name() + ")";
    }

    /** What happened, who did it, to what: one sentence, or two for a rotation. */
    String sentence(Markup markup) {
        String actor = event.actor() == null ? markup.text("Turnstile Admin") : markup.strong(event.actor().name());
        String where = (event.widget() == null ? ""
                : markup.link(event.widget().name(), event.widget().url()) + markup.text(" in "))
                + markup.strong(event.account().name());
        return switch (event.type()) {
            case WIDGET_CREATED -> actor + markup.text(" created ") + where + markup.text(".");
            case WIDGET_UPDATED ->
                actor + markup.text(" changed " + settings(event.changes().size()) + " of ") + where + markup.text(".");
            case WIDGET_DELETED -> actor + markup.text(" deleted ") + where + markup.text(".");
            case SECRET_ROTATED ->
                actor + markup.text(" rotated the secret of ") + where + markup.text(".") + markup.text(oldSecret());
            case SECRET_REVEALED -> actor + markup.text(" revealed the secret of ") + where + markup.text(".");
            case ROTATION_REFUSED -> markup.text("Cloudflare refused to rotate the secret of ") + where
                    + markup.text(" for ") + actor + markup.text(".");
            case CHANGED_OUTSIDE -> actor + markup.text(" " + outsideVerb() + " ") + where
                    + markup.text(" outside this dashboard" + (event.actor() != null && event.actor().via() != null
                            ? " (via " + event.actor().via() + ")" : "") + ".");
            case GRACE_PERIOD_ENDING ->
                markup.text("The grace period of the old secret of ") + where + markup.text(" is ending.");
            case SOLVE_RATE_DROPPED -> markup.text("The solve rate of ") + where + markup.text(" dropped.");
            case INVALID_TOKENS_RISING ->
                markup.text("The share of invalid tokens of ") + where + markup.text(" is rising.");
            case CLOUDFLARE_UNREACHABLE ->
                markup.text("Cloudflare has been unreachable, or refusing the token, for ") + where + markup.text(".");
            case TEST -> markup.text("A test notification for ") + where
                    + markup.text(": this destination receives Turnstile Admin's notifications.");
        };
    }

    /** The account, who, when and the sitekey, in that order; none of them markup. */
    List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Account", event.account().name()));
        if (event.actor() != null) {
            facts.add(new Fact("By",
                    event.actor().name() + (event.actor().via() == null ? "" : " (via " + event.actor().via() + ")")));
        }
        facts.add(new Fact("When", TIME.format(event.occurredAt())));
        if (event.widget() != null) {
            facts.add(new Fact("Sitekey", event.widget().sitekey()));
        }
        return facts;
    }

    /**
     * The changed settings, each value at most {@code longest} characters
     * ({@link #shortened}).
     */
    List<ChangeLine> changes(int longest) {
        return event.changes()
            .stream()
            .map(change -> new ChangeLine(change.field(), shortened(orNone(change.before()), longest),
                    shortened(orNone(change.after()), longest)))
            .toList();
    }

    /** A sentence the fields do not say (a threshold crossed, Cloudflare's refusal). */
    Optional<String> detail() {
        return Optional.ofNullable(event.detail()).filter(detail -> !detail.isBlank());
    }

    /**
     * The value cut to at most {@code longest} characters; a comma-separated list (the
     * domains) at an item, saying how many more there are: "a.com, b.com, … and 180
     * more".
     */
    static String shortened(String value, int longest) {
        if (value.length() <= longest) {
            return value;
        }
        // Room for the count, however many items a list has.
        int keep = longest - 24;
        int lastComma = value.lastIndexOf(", ", keep);
        if (lastComma <= 0) {
            return value.substring(0, longest - 1) + "…";
        }
        int more = 1;
        for (int at = value.indexOf(", ", lastComma + 2); at != -1; at = value.indexOf(", ", at + 2)) {
            more++;
        }
        return value.substring(0, lastComma) + ", … and " + more + " more";
    }

    /** The text cut to at most {@code longest} characters, an ellipsis last. */
    static String cut(String text, int longest) {
        return text.length() <= longest ? text : text.substring(0, longest - 1) + "…";
    }

    private String oldSecret() {
        Boolean immediately = event.invalidateImmediately();
        if (immediately == null) {
            return "";
        }
        return immediately ? " The old secret stopped working at once."
                : " The old secret keeps working for the grace period.";
    }

    private String outsideVerb() {
        return switch (String.valueOf(event.action())) {
            case "created" -> "created";
            case "deleted" -> "deleted";
            case "secret_rotated" -> "rotated the secret of";
            default -> "changed";
        };
    }

    private static String settings(int count) {
        return count == 1 ? "1 setting" : count + " settings";
    }

    private static String orNone(@Nullable String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

}
