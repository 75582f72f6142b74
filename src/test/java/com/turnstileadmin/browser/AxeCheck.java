package com.turnstileadmin.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core, Deque's accessibility rules engine, on the page a test is on, with the
 * rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and fails listing every violation:
 * the rule, its impact, what it asks, and each offending element with axe's summary of
 * what is wrong with it.
 *
 * <p>
 * axe.min.js comes from the test class path (the
 * {@code com.deque.html.axe-core:playwright} jar) and is run through Playwright, which is
 * not bound by the page's Content-Security-Policy: no script is added to the page, and
 * the app's CSP stays as strict for these tests as for users. Only what is rendered is
 * checked, in the state the page is in (an open dialog, a form with its errors).
 */
final class AxeCheck {

    /**
     * axe's tags for the success criteria of WCAG 2.2 level AA (2.0 and 2.1 A and AA
     * included).
     */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String AXE_SOURCE = read("axe.min.js");

    /**
     * Runs axe on the whole document and returns its violations as axe's own objects,
     * reduced to what is read.
     */
    private static final String RUN = """
            async (tags) => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ').trim())
              }));
            }""";

    private AxeCheck() {
    }

    /**
     * Fails if axe finds a WCAG 2.2 AA violation on the page.
     * @param what the page and its state, for the failure message (e.g.
     * {@code "widget list at 390 px"})
     */
    static void assertAccessible(Page page, String what) {
        List<Map<String, Object>> violations = violations(page);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder().append(violations.size())
                .append(" WCAG 2.2 AA violation(s) on the ")
                .append(what)
                .append(" (")
                .append(page.url())
                .append("):");
            for (Map<String, Object> violation : violations) {
                message.append("\n- ")
                    .append(violation.get("id"))
                    .append(" [")
                    .append(violation.get("impact"))
                    .append("] ")
                    .append(violation.get("help"));
                for (Object node : (List<?>) violation.get("nodes")) {
                    message.append("\n    ").append(node);
                }
            }
            throw new AssertionError(message);
        }
    }

    /**
     * Waits until no htmx request is in flight and no transition runs: a region fading
     * back from its busy state shows its text at a contrast it never keeps, which axe
     * would report.
     */
    private static void settled(Page page) {
        page.waitForFunction("() => !document.querySelector('.busy, .htmx-request, .htmx-swapping, .htmx-settling')"
                + " && document.getAnimations().every(a => a.effect.getComputedTiming().iterations === Infinity)");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> violations(Page page) {
        settled(page);
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            // As a function body, run once in this document: axe puts itself on window.
            page.evaluate("() => {\n" + AXE_SOURCE + "\n}");
        }
        return (List<Map<String, Object>>) page.evaluate(RUN, WCAG_22_AA);
    }

    private static String read(String resource) {
        try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path: it comes with the test "
                        + "dependency com.deque.html.axe-core:playwright (pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
