package com.turnstileadmin.paging;

import java.beans.PropertyEditorSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.PropertyEditorRegistry;

/**
 * Reads a page number or size from a URL as a list wants it: digits only (at most nine,
 * so that nothing overflows), and anything else (absent, empty, {@code abc}, {@code -1},
 * {@code 1.5}, {@code 0x10}) as 0, which {@link Paging} takes for "not given". A repeated
 * parameter counts by its first value. Spring's own conversion would answer such a link
 * with a 400, and read {@code 0x10} as 16.
 */
public final class LenientNumberEditor extends PropertyEditorSupport {

    /**
     * Reads every {@code int} the binder converts this way: for the binders of query
     * records, whose only numbers are a page and a size.
     */
    public static void register(PropertyEditorRegistry binder) {
        binder.registerCustomEditor(int.class, new LenientNumberEditor());
    }

    @Override
    public void setAsText(@Nullable String text) {
        super.setValue(text != null && text.matches("\\d{1,9}") ? Integer.parseInt(text) : 0);
    }

    @Override
    public void setValue(@Nullable Object value) {
        if (value == null || value instanceof String) {
            setAsText((String) value);
        }
        else if (value instanceof String[] values) {
            setAsText(values.length == 0 ? null : values[0]);
        }
        else {
            super.setValue(value);
        }
    }

}
