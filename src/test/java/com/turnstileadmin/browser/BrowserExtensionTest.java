package com.turnstileadmin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.util.FileSystemUtils;

/**
 * What {@link BrowserExtension} leaves behind when a browser test fails, checked by
 * running a deliberately failing test class in a JUnit engine of its own.
 */
@Tag("browser") // it runs a browser test of its own
class BrowserExtensionTest {

    private static final Path EVIDENCE = BrowserExtension.FAILURES_DIRECTORY
        .resolve("BrowserExtensionTest.DeliberatelyFailing");

    @Test
    void aFailedTestLeavesAScreenshotAndTheHtmlAndAPassedOneNothing() throws IOException {
        FileSystemUtils.deleteRecursively(EVIDENCE);

        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(DeliberatelyFailing.class))
            // Lets the engine run the class that is @Disabled for every other run.
            .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
            .execute()
            .testEvents()
            .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

        assertThat(EVIDENCE.resolve("fails.png")).isNotEmptyFile();
        assertThat(Files.readAllBytes(EVIDENCE.resolve("fails.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(EVIDENCE.resolve("fails.html")).content().contains("Deliberately failing");
        assertThat(EVIDENCE.resolve("passes.png")).doesNotExist();
        assertThat(SharedChromium.browser().contexts()).as("contexts left open").isEmpty();
    }

    @Test
    void withoutChromiumBrowserTestsFailAndSayHowToInstallIt() {
        assertThatThrownBy(() -> SharedChromium.requireInstalled(Paths.get("/nonexistent/chromium")))
            .hasMessageContaining("/nonexistent/chromium")
            .hasMessageContaining("apt-get install -y chromium");
    }

    /** Run only by the test above, which expects one of its tests to fail. */
    @Disabled("fails on purpose; run by BrowserExtensionTest through EngineTestKit")
    @ExtendWith(BrowserExtension.class)
    static class DeliberatelyFailing {

        @Test
        void passes(Page page) {
            page.setContent("<h1>Passing</h1>");
        }

        @Test
        void fails(Page page) {
            page.setContent("<h1>Deliberately failing</h1>");

            assertThat(page.title()).isEqualTo("a title this page does not have");
        }

    }

}
