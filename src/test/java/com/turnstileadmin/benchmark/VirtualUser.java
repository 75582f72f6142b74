package com.turnstileadmin.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One person at the dashboard, with a browser of their own (an HTTP client and its
 * cookies): signs in on the sign-in form, then opens the list with a filter, a sort, a
 * page size and a page; pages on or types another filter (an htmx request for the list's
 * results), whose answer then loads its sparklines (htmx); opens one of the widgets it
 * shows, whose page then loads its history and its health panel (htmx); and again,
 * pausing between page views as a reader does. Each answer must be a 200 with the page's
 * own content, or it counts as an error.
 */
final class VirtualUser {

    private static final List<String> FILTERS = List.of("", "", "example", "form", "com", "shop");

    private static final List<String> SORTS = List.of("", "name", "sitekey", "created", "modified");

    private static final List<Integer> SIZES = List.of(10, 10, 25, 50);

    /**
     * The 40 demo widgets match every filter above; unfiltered, 10 a page, there are four
     * pages.
     */
    private static final int UNFILTERED_PAGES_OF_TEN = 4;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern SITEKEY_LINK = Pattern.compile("/widgets/([A-Za-z0-9_-]{10,32})\"");

    /**
     * The list's sparklines, which it loads once shown (hx-get, with the page's
     * sitekeys).
     */
    private static final Pattern SPARKLINES_LINK = Pattern.compile("hx-get=\"([^\"]*/analytics/trends[^\"]*)\"");

    /** The details page's health panel, which it loads once shown. */
    private static final Pattern PANEL_LINK = Pattern.compile("hx-get=\"([^\"]*/health[^\"]*)\"");

    private static final Pattern NEXT_LINK = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    private final URI baseUrl;

    private final String listPath;

    private final Random random;

    private final Recorder recorder;

    private final boolean analytics;

    private List<String> sitekeys = List.of();

    private @Nullable String nextPage;

    /**
     * @param listPath the account's widget list, e.g. {@code /accounts/<id>/widgets}
     */
    VirtualUser(URI baseUrl, String listPath, long seed, Recorder recorder, Executor executor, boolean analytics) {
        this.analytics = analytics;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
        this.baseUrl = baseUrl;
        this.listPath = listPath;
        this.random = new Random(seed);
        this.recorder = recorder;
    }

    /**
     * Signs in as {@code username} on the local sign-in form; fails if the form does not
     * let them in.
     */
    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(request("/login", false).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("The sign-in form answered " + form.statusCode() + " without a CSRF token");
        }
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> signedIn = http
            .send(request("/login", false).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in answered " + signedIn.statusCode() + " to " + location);
        }
    }

    /**
     * Views pages until the load ends, each after a pause of 0.5 to 1.5 times
     * {@code thinkTime}.
     */
    void run(Duration thinkTime) throws InterruptedException {
        // Users arrive spread over one pause rather than all at once.
        think(thinkTime);
        while (true) {
            for (Runnable view : List.<Runnable>of(this::listView, this::fragmentView, this::detailsView)) {
                if (!recorder.running(System.nanoTime())) {
                    return;
                }
                view.run();
                think(thinkTime);
            }
        }
    }

    /**
     * The list with a filter, a sort, a page size and a page, as a link or the form
     * without JavaScript asks for it.
     */
    void listView() {
        String q = pick(FILTERS);
        int size = pick(SIZES);
        int page = q.isEmpty() && size == 10 ? 1 + random.nextInt(UNFILTERED_PAGES_OF_TEN) : 1;
        String path = listPath + "?q=" + encode(q) + "&by=name&sort=" + pick(SORTS) + "&dir="
                + (random.nextBoolean() ? "asc" : "desc") + "&size=" + size + "&page=" + page;
        String body = view(PageKind.LIST, path, false,
                answer -> answer.contains("<h1>Widgets</h1>") && answer.contains("id=\"results\""));
        remember(body);
        sparklines(body);
    }

    /**
     * The list's results alone, as htmx asks for them: the next page, or (on the last)
     * another filter typed.
     */
    void fragmentView() {
        String path = nextPage != null ? nextPage : listPath + "?q=" + encode(pick(FILTERS)) + "&size=" + pick(SIZES);
        String body = view(PageKind.FRAGMENT, path, true,
                fragment -> fragment.stripLeading().startsWith("<section id=\"results\"")
                        && !fragment.contains("<html"));
        remember(body);
        sparklines(body);
    }

    /**
     * One of the widgets the list showed, then its history and its health panel, which
     * the page loads (the history for admins) once it is shown.
     */
    void detailsView() {
        if (sitekeys.isEmpty()) {
            listView();
            return;
        }
        String sitekey = sitekeys.get(random.nextInt(sitekeys.size()));
        String path = listPath + "/" + sitekey;
        String page = view(PageKind.DETAILS, path, false, answer -> answer.contains("id=\"sitekey\">" + sitekey + "<"));
        if (page == null) {
            return;
        }
        view(PageKind.HISTORY, path + "/history", true, history -> history.contains("id=\"widget-history-entries\""));
        if (!analytics) {
            return;
        }
        String panel = loads(page, PANEL_LINK);
        if (panel == null) {
            recorder.failure(PageKind.PANEL, path + ": a details page without its health panel");
            return;
        }
        noticed(PageKind.PANEL, view(PageKind.PANEL, panel, true, answer -> answer.contains("id=\"health-panel\"")));
    }

    /**
     * The sparklines a list answer loads, if it shows widgets: every row's cell and the
     * note under the list, out of band.
     */
    private void sparklines(@Nullable String listAnswer) {
        if (!analytics || listAnswer == null || sitekeys.isEmpty()) {
            return;
        }
        String trends = loads(listAnswer, SPARKLINES_LINK);
        if (trends == null) {
            recorder.failure(PageKind.SPARKLINES, "a list of widgets without its sparklines");
            return;
        }
        noticed(PageKind.SPARKLINES, view(PageKind.SPARKLINES, trends, true,
                answer -> answer.contains("id=\"trends-note\"") && answer.contains("id=\"trend-" + sitekeys.get(0))));
    }

    /** The path a page loads once shown, from its hx-get attribute. */
    private static @Nullable String loads(String page, Pattern link) {
        Matcher found = link.matcher(page);
        return found.find() ? found.group(1).replace("&amp;", "&") : null;
    }

    /**
     * Counts an analytics answer that says why it has no figures (the budget spent, say)
     * rather than showing them: a 200 as the page should answer, but not the figures.
     */
    private void noticed(PageKind kind, @Nullable String answer) {
        if (answer != null && answer.contains("class=\"analytics-problem\"")) {
            recorder.notice(kind);
        }
    }

    /**
     * The answer's body if it is a 200 with the expected content; otherwise the error is
     * recorded.
     */
    private @Nullable String view(PageKind kind, String path, boolean htmx, Predicate<String> expected) {
        long start = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request(path, htmx).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            recorder.failure(kind, path + ": " + e);
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recorder.failure(kind, path + ": interrupted");
            return null;
        }
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            recorder.failure(kind, path + ": status " + answer.statusCode());
            return null;
        }
        if (!expected.test(answer.body())) {
            recorder.failure(kind, path + ": a 200 without the expected content");
            return null;
        }
        recorder.success(kind, start, took);
        return answer.body();
    }

    /** The widgets a list answer showed, and its next page if it has one. */
    private void remember(@Nullable String listAnswer) {
        if (listAnswer == null) {
            return;
        }
        List<String> shown = new ArrayList<>();
        Matcher sitekey = SITEKEY_LINK.matcher(listAnswer);
        while (sitekey.find()) {
            shown.add(sitekey.group(1));
        }
        sitekeys = shown;
        Matcher next = NEXT_LINK.matcher(listAnswer);
        nextPage = next.find() ? next.group(1).replace("&amp;", "&") : null;
    }

    private HttpRequest.Builder request(String path, boolean htmx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return request;
    }

    private void think(Duration thinkTime) throws InterruptedException {
        long pause = (long) (thinkTime.toNanos() * (0.5 + random.nextDouble()));
        long left = recorder.until() - System.nanoTime();
        long nanos = Math.min(pause, Math.max(0, left));
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
