package com.turnstileadmin.widget.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The widget form's fields as a browser sends them, for the tests that create widgets
 * over HTTP.
 */
public final class WidgetForms {

    private WidgetForms() {
    }

    /**
     * A new widget's form, filled in as the page starts it (managed, no clearance,
     * world).
     * @param more further fields, as pairs of the field's name ({@code edited.offlabel})
     * and its value
     */
    public static Map<String, String> newWidget(String name, String domains, String... more) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("edited.name", name);
        fields.put("edited.domains", domains);
        fields.put("edited.mode", "managed");
        fields.put("edited.clearanceLevel", "no_clearance");
        fields.put("edited.region", "world");
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    /** {@link #newWidget} as MockMvc's {@code params} take it. */
    public static MultiValueMap<String, String> newWidgetParams(String name, String domains) {
        return MultiValueMap.fromSingleValue(newWidget(name, domains));
    }

}
