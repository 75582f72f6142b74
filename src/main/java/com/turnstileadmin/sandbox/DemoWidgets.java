package com.turnstileadmin.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Realistic demo widgets for the sandbox: a spread of forms, sites, modes and ages, so
 * that a fresh dashboard has something to list, page, sort and filter. They are the same
 * at every start, sitekeys and times included (only their secrets are new), so that a
 * bookmark or an audit entry's link to one still leads to it after a restart: drawn from
 * seeded {@link Random}s, whose sequence Java specifies, and dated before a fixed
 * {@link #EPOCH} rather than the start.
 */
final class DemoWidgets {

    /** The demo widgets were all created and last modified before this instant. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private static final List<String> FORMS = List.of("Login form", "Sign-up form", "Checkout", "Contact form",
            "Password reset", "Newsletter sign-up", "Comment form", "Support ticket form", "Whitepaper download",
            "Account recovery", "Job application", "Partner enquiry");

    private static final List<String> SITES = List.of("www.example.com", "shop.example.com", "app.example.com",
            "blog.example.org", "docs.example.net", "portal.example.io", "status.example.com", "careers.example.com",
            "community.example.org", "partners.example.com", "staging.example.com", "api.example.dev");

    private static final List<String> ENTERPRISE_SITES = List.of("www.example.co.uk", "shop.example.de",
            "id.example.fr", "pay.example.com.au", "login.example.ca", "account.example.jp", "help.example.es");

    private static final List<String> ORIGINS = List.of("dashboard", "api", "wrangler", "dashboard", "spin");

    /**
     * Widgets older than this predate {@code deployed_via}, which Cloudflare then leaves
     * out.
     */
    private static final Duration ORIGIN_FIELD_AGE = Duration.ofDays(365);

    private DemoWidgets() {
    }

    /**
     * Adds {@code count} demo widgets; those of an Enterprise account use its features
     * (bot fight mode, offlabel, ephemeral id, a widget for any hostname), and other
     * sites.
     */
    static void addTo(WidgetStore store, int count, boolean enterprise) {
        Random random = new Random(enterprise ? 20_260_102L : 20_260_101L);
        Random sitekeys = new Random(enterprise ? 7_102L : 7_101L);
        List<Demo> demos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            demos.add(demo(i, random, enterprise));
        }
        // Added oldest first, so that order=id follows creation time as it does at
        // Cloudflare.
        demos.sort(Comparator.comparing(Demo::createdOn));
        for (Demo demo : demos) {
            String sitekey;
            do {
                sitekey = Keys.sitekey(sitekeys);
            }
            while (store.contains(sitekey));
            store.add(demo.input(), sitekey, demo.createdOn(), demo.modifiedOn(), demo.deployedVia());
        }
    }

    private record Demo(WidgetInput input, Instant createdOn, Instant modifiedOn, String deployedVia) {
    }

    private static Demo demo(int index, Random random, boolean enterprise) {
        List<String> sites = enterprise ? ENTERPRISE_SITES : SITES;
        String site = sites.get(index % sites.size());
        String form = FORMS.get((index / sites.size() + index) % FORMS.size());
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
        Instant createdOn = EPOCH.minus(Duration.ofMinutes(60L * 24 * 3 + random.nextInt(60 * 24 * 700)));
        Instant modifiedOn = createdOn
            .plusSeconds((long) (random.nextDouble() * (EPOCH.getEpochSecond() - createdOn.getEpochSecond())));
        String origin = Duration.between(createdOn, EPOCH).compareTo(ORIGIN_FIELD_AGE) > 0 ? null
                : ORIGINS.get(random.nextInt(ORIGINS.size()));
        WidgetInput input = new WidgetInput(form + " — " + site, List.copyOf(domains), mode, clearance, region, false,
                false, false);
        return new Demo(enterprise ? withEnterpriseFeatures(input, index, random) : input, createdOn, modifiedOn,
                origin);
    }

    private static WidgetInput withEnterpriseFeatures(WidgetInput input, int index, Random random) {
        // Every fifth one works on any hostname, which only Enterprise accounts may have.
        List<String> domains = index % 5 == 4 ? List.of() : input.domains();
        return new WidgetInput(input.name(), domains, input.mode(), input.clearanceLevel(), input.region(),
                random.nextBoolean(), random.nextInt(3) == 0, random.nextBoolean());
    }

}
