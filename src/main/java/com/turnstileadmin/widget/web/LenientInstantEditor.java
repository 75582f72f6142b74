package com.turnstileadmin.widget.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 instant from a form and leaves {@code null} for anything else, so
 * that a missing or mangled hidden field is the form's own concern (an edit without its
 * version is not saved, and the page says why) rather than a conversion error beside a
 * field the user cannot see.
 */
final class LenientInstantEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        try {
            setValue(Instant.parse(text.strip()));
        }
        catch (DateTimeParseException notAnInstant) {
            setValue(null);
        }
    }

    @Override
    public String getAsText() {
        return getValue() == null ? "" : getValue().toString();
    }

}
