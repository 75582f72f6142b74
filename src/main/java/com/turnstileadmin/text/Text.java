package com.turnstileadmin.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text for the user as a key of {@code messages.properties} and the values it names, so
 * that no English is put together in Java: a template resolves it
 * ({@code ${#messages.msgWithParams(flash.code, flash.arguments)}}), Java code with
 * {@code MessageSource#getMessage(MessageSourceResolvable, Locale)}. An argument may be a
 * {@code Text} itself, which is resolved first. Serializable, because a flash message
 * travels in the session, which the database keeps.
 *
 * @param code the message key, such as {@code widget.flash.deleted}
 * @param args the values for its {@code {0}}, {@code {1}}: strings, numbers or texts
 */
public record Text(String code, List<Serializable> args) implements MessageSourceResolvable, Serializable {

    public Text {
        // Not List.copyOf: a value that is not known (null) is shown as "null", as
        // MessageFormat does, not refused.
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /**
     * The text of {@code code} with these values; MessageKeysTest finds the codes named
     * this way.
     */
    public static Text of(String code, Serializable... args) {
        return new Text(code, Arrays.asList(args));
    }

    @Override
    public String[] getCodes() {
        return new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
