package com.turnstileadmin.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the sandbox's token may read of the analytics now: whether it has "Account
 * Analytics Read" at all, and which dimensions the accounts offer. Both change while the
 * sandbox runs, so that a test can take the permission or a dimension away.
 */
final class AnalyticsAccess {

    private final AtomicBoolean permitted;

    private final Set<Dimension> withheld = ConcurrentHashMap.newKeySet();

    AnalyticsAccess(boolean permitted) {
        this.permitted = new AtomicBoolean(permitted);
    }

    boolean permitted() {
        return permitted.get();
    }

    void permit(boolean granted) {
        permitted.set(granted);
    }

    /**
     * Stops offering a dimension, as an account whose plan lacks it.
     * @throws IllegalArgumentException when the schema has no such dimension
     */
    void withhold(String fieldName) {
        withheld.add(Dimension.named(fieldName)
            .orElseThrow(() -> new IllegalArgumentException("The schema has no dimension " + fieldName)));
    }

    void offerAll() {
        withheld.clear();
    }

    boolean offers(Dimension dimension) {
        return !withheld.contains(dimension);
    }

    /**
     * The fields a query may select, as Cloudflare lists them: {@code count},
     * {@code avg.sampleInterval} and {@code dimensions.<name>} for each dimension
     * offered.
     */
    List<String> availableFields() {
        List<String> fields = new ArrayList<>(List.of("count", "avg.sampleInterval"));
        for (Dimension dimension : Dimension.ALL) {
            if (offers(dimension)) {
                fields.add("dimensions." + dimension.fieldName());
            }
        }
        return List.copyOf(fields);
    }

}
