package com.turnstileadmin.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Realistic demo widgets for the sandbox: a spread of forms, sites, modes and ages, so that a
 * fresh dashboard has something to list, page, sort and filter. The same count gives the same
 * widgets at every start (but new sitekeys and secrets).
 */
final class DemoWidgets {

    private static final List<String> FORMS = List.of("Login form", "Sign-up form", "Checkout", "Contact form",
            "Password reset", "Newsletter sign-up", "Comment form", "Support ticket form", "Whitepaper download",
            "Account recovery", "Job application", "Partner enquiry");
    private static final List<String> SITES = List.of("www.example.com", "shop.example.com", "app.example.com",
            "blog.example.org", "docs.example.net", "portal.example.io", "status.example.com", "careers.example.com",
            "community.example.org", "partners.example.com", "staging.example.com", "api.example.dev");
    private static final List<String> ORIGINS = List.of("dashboard", "api", "wrangler", "dashboard", "spin");
    /** Widgets older than this predate {@code deployed_via}, which Cloudflare then leaves out. */
    private static final Duration ORIGIN_FIELD_AGE = Duration.ofDays(365);

    private DemoWidgets() {
    }

    static void addTo(WidgetStore store, int count, Instant now) {
        Random random = new Random(20_260_101L);
        List<Demo> demos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            demos.add(demo(i, random, now));
        }
        // Added oldest first, so that order=id follows creation time as it does at Cloudflare.
        demos.sort(Comparator.comparing(Demo::createdOn));
        demos.forEach(demo -> store.add(demo.input(), demo.createdOn(), demo.modifiedOn(), demo.deployedVia()));
    }

    private record Demo(WidgetInput input, Instant createdOn, Instant modifiedOn, String deployedVia) {
    }

    private static Demo demo(int index, Random random, Instant now) {
        String site = SITES.get(index % SITES.size());
        String form = FORMS.get((index / SITES.size() + index) % FORMS.size());
        TreeSet<String> domains = new TreeSet<>(List.of(site));
        if (random.nextInt(3) == 0) {
            domains.add(site.substring(site.indexOf('.') + 1));
        }
        if (random.nextInt(5) == 0) {
            domains.add("staging." + site);
        }
        if (random.nextInt(8) == 0) {
            domains.add("203.0.113." + (10 + random.nextInt(200)));
        }
        int modePick = random.nextInt(20);
        String mode = modePick < 12 ? "managed" : modePick < 17 ? "non-interactive" : "invisible";
        String clearance = random.nextInt(6) == 0 ? "jschallenge" : "no_clearance";
        String region = index % 10 == 9 ? "china" : "world";
        Instant createdOn = now.minus(Duration.ofMinutes(60L * 24 * 3 + random.nextInt(60 * 24 * 700)));
        Instant modifiedOn = createdOn.plusSeconds((long) (random.nextDouble() * (now.getEpochSecond()
                - createdOn.getEpochSecond())));
        String origin = Duration.between(createdOn, now).compareTo(ORIGIN_FIELD_AGE) > 0 ? null
                : ORIGINS.get(random.nextInt(ORIGINS.size()));
        WidgetInput input = new WidgetInput(form + " — " + site, List.copyOf(domains), mode, clearance, region,
                false, false, false);
        return new Demo(input, createdOn, modifiedOn, origin);
    }
}
