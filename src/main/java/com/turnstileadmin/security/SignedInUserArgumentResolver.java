package com.turnstileadmin.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a handler method the {@link SignedInUser} behind the request, so that it can pass
 * them on as the actor.
 */
final class SignedInUserArgumentResolver implements HandlerMethodArgumentResolver {

    private final SignedInUsers signedIn;

    SignedInUserArgumentResolver(SignedInUsers signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedInUser.class;
    }

    @Override
    public SignedInUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        SignedInUser user = signedIn.current();
        if (user == null) {
            // Unreachable behind the filter chain, which lets no anonymous request reach
            // a handler that acts.
            throw new AccessDeniedException("No signed-in user");
        }
        return user;
    }

}
