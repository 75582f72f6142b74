package com.turnstileadmin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.Role;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The app the tests of the shared reads run against (one, shared by them): the window of
 * 1 s, the default, on a clock the tests move ({@link #nanos}), and the Cloudflare calls
 * counted where Cloudflare would count them: requests arriving at the sandbox. Each test
 * begins with a write through the app or with reads no other test makes, so that answers
 * another test left within the window do not count.
 */
@SpringBootTest(properties = "cloudflare.shared-reads.window=1s")
@AutoConfigureMockMvc
@Import(SharedReadsOverHttp.MovableTicker.class)
abstract class SharedReadsOverHttp {

    static final RequestPostProcessor ALICE = user("alice").authorities(Role.VIEWER.authorities());

    static final RequestPostProcessor BOB = user("bob").authorities(Role.VIEWER.authorities());

    static final RequestPostProcessor EDDIE = user("eddie").authorities(Role.EDITOR.authorities());

    @Autowired
    MockMvc mvc;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    AtomicLong nanos;

    /** The Cloudflare calls the requests made, each answered 200. */
    long callsFor(MockHttpServletRequestBuilder... requests) throws Exception {
        long before = sandbox.requestCount();
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request).andExpect(status().isOk());
        }
        return sandbox.requestCount() - before;
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String list() {
        return "/accounts/" + sandbox.accountId().value() + "/widgets";
    }

    /** The shared reads' clock, moved by the tests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTicker {

        @Bean
        AtomicLong nanos() {
            return new AtomicLong();
        }

        @Bean
        Ticker ticker(AtomicLong nanos) {
            return nanos::get;
        }

    }

}
