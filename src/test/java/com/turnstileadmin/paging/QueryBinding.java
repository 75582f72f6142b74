package com.turnstileadmin.paging;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * Binds a query record the way Spring MVC binds a list's {@code @ModelAttribute}: through
 * its constructor, with {@link LenientNumberEditor} registered as the lists' controllers
 * register it.
 */
public final class QueryBinding {

    private QueryBinding() {
    }

    /**
     * The record for these query parameters; a parameter given as {@code ""} is sent with
     * an empty value.
     */
    public static <T> T bind(Class<T> type, Map<String, String> query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        query.forEach(request::addParameter);
        return bind(type, request);
    }

    public static <T> T bind(Class<T> type, MockHttpServletRequest request) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null);
        binder.setTargetType(ResolvableType.forClass(type));
        LenientNumberEditor.register(binder);
        binder.construct(request);
        if (binder.getBindingResult().hasErrors()) {
            throw new AssertionError("Spring would answer 400: " + binder.getBindingResult());
        }
        return type.cast(binder.getTarget());
    }

}
