package com.turnstileadmin.sandbox;

import java.util.List;

/**
 * The writable settings of a sandbox widget, as a create or an update sets them after
 * validation.
 */
record WidgetInput(String name, List<String> domains, String mode, String clearanceLevel, String region,
        boolean botFightMode, boolean offlabel, boolean ephemeralId) {

    WidgetInput {
        domains = List.copyOf(domains);
    }
}
