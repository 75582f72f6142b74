package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The error code of a failed sign-in comes from the {@code error} parameter of the
 * provider's redirect back, which anyone who starts a sign-in can write themselves.
 */
class SignInFailureHandlerTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger handlerLog = (Logger) LoggerFactory.getLogger(SignInFailureHandler.class);

    @BeforeEach
    void listen() {
        log.start();
        handlerLog.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        handlerLog.detachAppender(log);
    }

    @Test
    void anOAuthErrorCodeIsLogged() throws Exception {
        fail("access_denied");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly("Single sign-on failed: access_denied");
    }

    @Test
    void aCodeThatIsNoOAuthErrorCodeCannotForgeALogLine() throws Exception {
        fail("access_denied\r\n2026-03-01T12:00:00Z INFO Single sign-on: admin signed in");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly("Single sign-on failed: an error code that is not one (not logged)");
    }

    private static void fail(String code) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignInFailureHandler().onAuthenticationFailure(new MockHttpServletRequest(), response,
                new OAuth2AuthenticationException(new OAuth2Error(code)));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
    }

}
