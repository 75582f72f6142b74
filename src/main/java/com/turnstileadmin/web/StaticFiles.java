package com.turnstileadmin.web;

import com.turnstileadmin.security.SecurityConfiguration;
import com.turnstileadmin.security.SessionlessRequests;
import com.turnstileadmin.security.SingleSignOn;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * How the app's own files (src/main/resources/static, under {@code /assets}) and the
 * WebJars (under {@code /webjars}) are served. Every page links them by a URL that
 * carries a hash of the file's content ({@code app.css} becomes {@code app-<md5>.css}:
 * Spring's resource chain, applied to each {@code @{...}} link by Boot's
 * {@code ResourceUrlEncodingFilter}), cached for a year as {@code public, immutable}: a
 * browser asks for each once, and a new version of a file has a new URL. Boot's own
 * mappings are off (application.yml) so that these are the only ones.
 *
 * <p>
 * Their requests have a filter chain of their own, ahead of the pages' (whose every
 * request reads its session from the store): no session is read or made
 * ({@link SessionlessRequests}), no request is kept for after sign-in, no CSRF token is
 * needed (nothing here changes state); the protective headers are the pages'.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    static final String APP_FILES = "/assets/**";

    static final String WEBJARS = "/webjars/**";

    /**
     * A year, the longest caches keep anything; immutable: not even revalidated on a
     * reload.
     */
    static final CacheControl CACHED_FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry.addResourceHandler(APP_FILES).addResourceLocations("classpath:/static/"));
        // WebJars linked without their version (webjars-locator-lite, added by the
        // chain).
        hashed(registry.addResourceHandler(WEBJARS).addResourceLocations("classpath:/META-INF/resources/webjars/"));
    }

    private static void hashed(ResourceHandlerRegistration files) {
        files.setCacheControl(CACHED_FOR_GOOD)
            // A URL with a hash never changes its content, so there is nothing to
            // revalidate.
            .setUseLastModified(false)
            .resourceChain(true)
            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Bean
    @Order(0)
    SecurityFilterChain staticFilesFilterChain(HttpSecurity http, ObjectProvider<SingleSignOn> singleSignOn)
            throws Exception {
        http.securityMatcher(APP_FILES, WEBJARS)
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .addFilterBefore(new SessionlessRequests(), SecurityContextHolderFilter.class)
            // Nobody is signed in or out here, nothing is kept or refused: none of the
            // filters that do so, each a cost on every file.
            .sessionManagement(session -> session.disable())
            .requestCache(cache -> cache.disable())
            .anonymous(anonymous -> anonymous.disable())
            .servletApi(servletApi -> servletApi.disable())
            .csrf(csrf -> csrf.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> {
                SecurityConfiguration.protectiveHeaders(headers, singleSignOn.getIfAvailable());
                // The files' own Cache-Control, not Spring Security's no-store.
                headers.cacheControl(cache -> cache.disable());
            });
        return http.build();
    }

}
