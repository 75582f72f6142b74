package com.turnstileadmin.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one headless Chromium that every browser test in a test JVM shares, launched on
 * first use and closed when the JVM exits.
 *
 * <p>
 * Launching Chromium costs about a second; a fresh
 * {@link com.microsoft.playwright.BrowserContext} per test (see {@link BrowserExtension})
 * isolates tests just as well for a few milliseconds. The browser is Debian's Chromium at
 * {@value #EXECUTABLE_PATH}, never one that Playwright downloads.
 *
 * <p>
 * Playwright is not thread-safe: use it from the test thread only, and do not run browser
 * tests in parallel.
 */
public final class SharedChromium {

    /**
     * Where Debian's {@code chromium} package puts its launcher; {@code .ci/run} installs
     * it.
     */
    static final String EXECUTABLE_PATH = "/usr/bin/chromium";

    private static final Logger LOG = LoggerFactory.getLogger(SharedChromium.class);

    private static final List<String> ARGS = List.of(
            // CI runs as root, and Chromium's sandbox refuses to start for root.
            "--no-sandbox",
            // Test machines have no GPU; without this Chromium probes for one and logs
            // errors.
            "--disable-gpu",
            // Keep every request on plain TCP to the test server, and Chromium off the
            // network:
            // no QUIC, no update, sync or other background calls home.
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync",
            // Containers often give /dev/shm 64 MB, too little for a renderer; use /tmp
            // instead.
            "--disable-dev-shm-usage");

    private static Playwright playwright;

    private static Browser browser;

    private static boolean closeOnExit;

    private SharedChromium() {
    }

    /**
     * The shared browser, launching it on the first call (or again if it has crashed).
     * @throws IllegalStateException if Debian's Chromium is not installed, so that
     * browser tests fail with the fix rather than being skipped
     */
    public static synchronized Browser browser() {
        if (browser == null || !browser.isConnected()) {
            requireInstalled(Paths.get(EXECUTABLE_PATH));
            close();
            launch();
        }
        return browser;
    }

    /** Fails with how to install Chromium if {@code executable} is not there. */
    static void requireInstalled(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + executable
                    + ", which is not installed. Install it (as root) with: apt-get install -y chromium");
        }
    }

    private static void launch() {
        long start = System.nanoTime();
        // Also set here, not only in the pom, so that a run from an IDE never downloads
        // browsers.
        playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(EXECUTABLE_PATH))
                .setHeadless(true)
                .setArgs(ARGS));
        LOG.info("Launched Chromium {} for browser tests in {} ms", browser.version(),
                (System.nanoTime() - start) / 1_000_000);
        if (!closeOnExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedChromium::close, "close-shared-chromium"));
            closeOnExit = true;
        }
    }

    private static synchronized void close() {
        if (playwright == null) {
            return;
        }
        try {
            // Closing Playwright closes the browser and ends the Node driver process.
            playwright.close();
        }
        catch (RuntimeException e) {
            // The browser may already be gone (crash, JVM exit); nothing is left to clean
            // up then.
            LOG.debug("Closing Playwright failed", e);
        }
        finally {
            playwright = null;
            browser = null;
        }
    }

}
