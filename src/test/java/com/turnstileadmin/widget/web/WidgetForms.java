package com.turnstileadmin.widget.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The value of the page's hidden field {@code name} (an edit form's
     * {@code modifiedOn}, say), whichever order its attributes come in.
     */
    public static String hidden(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        if (!value.find()) {
            value = Pattern.compile("value=\"([^\"]*)\"[^>]*name=\"" + name + "\"").matcher(page);
            if (!value.find()) {
                throw new AssertionError("no hidden field " + name);
            }
        }
        return value.group(1);
    }

    /** {@link #newWidget} as MockMvc's {@code params} take it. */
    public static MultiValueMap<String, String> newWidgetParams(String name, String domains) {
        return MultiValueMap.fromSingleValue(newWidget(name, domains));
    }

}
