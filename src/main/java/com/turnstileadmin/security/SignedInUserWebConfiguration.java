package com.turnstileadmin.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets handler methods take the {@link SignedInUser} as an argument. */
@Configuration(proxyBeanMethods = false)
class SignedInUserWebConfiguration implements WebMvcConfigurer {

    private final SignedInUsers signedIn;

    SignedInUserWebConfiguration(SignedInUsers signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInUserArgumentResolver(signedIn));
    }

}
