package com.turnstileadmin.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.UniqueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a test in real Chromium: each test gets a fresh {@link BrowserContext} on the
 * {@linkplain SharedChromium shared browser}, and a {@link Page} in it, as parameters of
 * its {@code @Test} or {@code @BeforeEach} methods.
 *
 * <pre>{@code
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)

 * &#64;ExtendWith(BrowserExtension.class)
 * class SomeJourneyTest {
 *
&#64;Test
 *     void something(Page page, @LocalServerPort int port) {
 *         page.navigate("http://localhost:" + port + "/");
 *         assertThat(page.getByRole(AriaRole.HEADING)).hasText("Widgets");
 *     }
 * }
 * }</pre>
 *
 * <p>
 * The context may read and write the clipboard (for copy buttons), and actions,
 * navigations and Playwright assertions wait at most 10 s. A test whose pages logged an
 * error to the console (a CSP violation, an htmx or script error; not the browser's note
 * of a 403 or 404 answer) fails. When a test fails, a full-page screenshot and the HTML
 * of the page are saved as {@code target/browser-failures/<TestClass>/<testMethod>.png}
 * and {@code .html}, before the context is closed. If Chromium is not installed, every
 * test using this extension fails and says how to install it.
 */
public final class BrowserExtension
        implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

    /**
     * Where failed tests leave their screenshot and HTML, relative to the project
     * directory.
     */
    static final Path FAILURES_DIRECTORY = Paths.get("target", "browser-failures");

    private static final Logger LOG = LoggerFactory.getLogger(BrowserExtension.class);

    private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

    static {
        // Playwright's assertThat(locator) waits 5 s by default; make it wait as long as
        // actions.
        PlaywrightAssertions.setDefaultAssertionTimeout(BrowserSession.DEFAULT_TIMEOUT_MILLIS);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Opened here rather than on parameter resolution, so that a missing Chromium
        // fails the
        // test with SharedChromium's message on top, not wrapped in a
        // ParameterResolutionException.
        context.getStore(NAMESPACE).put(BrowserSession.class, BrowserSession.open(SharedChromium.browser()));
    }

    /**
     * Runs straight after the test method, before {@code @AfterEach} methods can change
     * the page.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
        if (session == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            saveEvidence(context, session);
            return;
        }
        List<String> errors = session.consoleErrors();
        if (!errors.isEmpty()) {
            saveEvidence(context, session);
            throw new AssertionError("The browser logged errors:\n  " + String.join("\n  ", errors));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).remove(BrowserSession.class, BrowserSession.class);
        if (session != null) {
            session.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
        if (session == null) {
            throw new ParameterResolutionException(
                    "Each test gets its own " + parameter.getParameter().getType().getSimpleName()
                            + ": take it as a parameter of a @Test or @BeforeEach method, not @BeforeAll");
        }
        return parameter.getParameter().getType() == Page.class ? session.page() : session.context();
    }

    private static void saveEvidence(ExtensionContext context, BrowserSession session) {
        Path base = evidenceBase(context);
        Path screenshot = base.resolveSibling(base.getFileName() + ".png");
        Path html = base.resolveSibling(base.getFileName() + ".html");
        try {
            session.saveEvidence(screenshot, html)
                .ifPresentOrElse(
                        url -> LOG.warn("Browser test failed on {}; saved {} and {}", url, screenshot.toAbsolutePath(),
                                html.toAbsolutePath()),
                        () -> LOG.warn("Browser test failed with every page closed; no screenshot saved"));
        }
        catch (IOException | RuntimeException e) {
            // The test's own failure is what matters; a crashed page must not hide it.
            LOG.warn("Browser test failed, and saving its screenshot failed too", e);
        }
    }

    /**
     * {@code target/browser-failures/<TestClass>/<testMethod>}, without extension. Nested
     * classes read {@code Outer.Inner}; repeated and parameterized tests get their
     * invocation number.
     */
    static Path evidenceBase(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String className = testClass.getSimpleName();
        for (Class<?> outer = testClass.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            className = outer.getSimpleName() + "." + className;
        }
        String name = context.getRequiredTestMethod().getName();
        UniqueId.Segment last = UniqueId.parse(context.getUniqueId()).getLastSegment();
        if (last.getType().endsWith("-invocation")) {
            name += "-" + last.getValue().replace("#", "");
        }
        return FAILURES_DIRECTORY.resolve(className).resolve(name);
    }

}
