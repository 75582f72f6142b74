package com.turnstileadmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.analytics.Breakdown;
import com.turnstileadmin.analytics.Trouble;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetOrigin;
import com.turnstileadmin.widget.WidgetSetting;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message key the app asks for is in {@code messages.properties}: the literal ones
 * in templates ({@code #{widget.setting.mode}}) and in Java
 * ({@code reject("audit.unrecordedFailure")}), and the ones made from a definition (a
 * setting's label, a known value's label). A missing key would show the key itself, or
 * fail the page.
 */
class MessageKeysTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Path JAVA = Path.of("src/main/java");

    /** {@code #{key}} or {@code #{key(args)}}, not {@code #{${expression}}}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");

    /**
     * The first string argument of the calls that name a message code, unless it is the
     * start of a made one: a form's errors, a look-up, and a {@code Text} (a flash
     * message, an error page's words).
     */
    private static final Pattern JAVA_KEY = Pattern
        .compile("(?:reject|rejectValue\\([^,]+,)\\s*\\(?\\s*\"([a-z][\\w.-]*)\"(?!\\s*\\+)"
                + "|getMessage\\(\"([a-z][\\w.-]*)\"(?!\\s*\\+)" + "|Text\\.of\\(\"([a-z][\\w.-]*)\"(?!\\s*\\+)");

    /**
     * A message code that Java hands to a template to resolve
     * ({@code #{${audit.error('to')}}}): a literal under a prefix that only such codes
     * use.
     */
    private static final Pattern JAVA_CODE = Pattern
        .compile("\"((?:audit\\.filter|pager|widget\\.list)\\.[A-Za-z][\\w.-]*)\"");

    private static Properties messages;

    @BeforeAll
    static void readMessages() throws IOException {
        messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        List<String> keys = keysIn(TEMPLATES, ".html", TEMPLATE_KEY);

        assertThat(keys).as("keys named in templates").isNotEmpty();
        assertThat(keys).allSatisfy(key -> assertThat(messages).as("messages.properties").containsKey(key));
    }

    @Test
    void everyKeyJavaNamesExists() throws IOException {
        List<String> keys = keysIn(JAVA, ".java", JAVA_KEY);

        assertThat(keys).as("keys named in Java")
            .contains("audit.unrecordedFailure", "widget.name.required", "widget.flash.deleted",
                    "session.flash.signedOutEverywhere", "error.notFound.heading", "signin.failed",
                    "audit.failure.conflict");
        assertThat(keys).allSatisfy(key -> assertThat(messages).as("messages.properties").containsKey(key));
    }

    @Test
    void aMistypedFlashCodeIsFound() {
        String source = """
                redirect.addFlashAttribute("flash", Text.of("widget.flash.delted", deleted.result().name()));
                """;

        assertThat(keysIn(source, JAVA_KEY)).containsExactly("widget.flash.delted")
            .allSatisfy(key -> assertThat(messages).doesNotContainKey(key));
    }

    @Test
    void everyMessageCodeJavaHandsToATemplateExists() throws IOException {
        List<String> codes = keysIn(JAVA, ".java", JAVA_CODE);

        assertThat(codes).as("codes named in Java").contains("audit.filter.notADate", "audit.filter.endBeforeStart");
        assertThat(codes).allSatisfy(code -> assertThat(messages).as("messages.properties").containsKey(code));
    }

    @Test
    void everySettingAndEveryKnownValueHasItsLabel() {
        List<String> keys = new ArrayList<>();
        WidgetSetting.ALL.forEach(setting -> keys.add(setting.labelKey()));
        WidgetMode.KNOWN.forEach(mode -> keys.add("label.mode." + mode.value()));
        ClearanceLevel.KNOWN.forEach(level -> keys.add("label.clearanceLevel." + level.value()));
        Region.KNOWN.forEach(region -> keys.add("label.region." + region.value()));
        WidgetOrigin.KNOWN.forEach(origin -> keys.add("label.origin." + origin.value()));
        Arrays.stream(AuditAction.values()).forEach(action -> keys.add(action.labelKey()));
        // WidgetFormValidator's refusal of a value the form does not offer:
        // widget.<field>.unknown.
        Stream.of("mode", "clearanceLevel", "region").forEach(field -> keys.add("widget." + field + ".unknown"));
        // The health pages' words for each breakdown and trouble (made from their names).
        Arrays.stream(Breakdown.values())
            .forEach(b -> keys.addAll(List.of("analytics.top." + b, "analytics.breakdown." + b)));
        Arrays.stream(Trouble.values()).forEach(trouble -> keys.add("analytics.trouble." + trouble));

        assertThat(keys).allSatisfy(key -> assertThat(messages).as("messages.properties").containsKey(key));
    }

    private static List<String> keysIn(Path root, String suffix, Pattern key) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                keys.addAll(keysIn(Files.readString(file), key));
            }
        }
        return keys;
    }

    /** The keys in one file's text: the first group of the pattern that matched. */
    private static List<String> keysIn(String text, Pattern key) {
        List<String> keys = new ArrayList<>();
        Matcher found = key.matcher(text);
        while (found.find()) {
            for (int group = 1; group <= found.groupCount(); group++) {
                if (found.group(group) != null) {
                    keys.add(found.group(group));
                    break;
                }
            }
        }
        return keys;
    }

}
