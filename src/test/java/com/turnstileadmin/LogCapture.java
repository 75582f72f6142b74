package com.turnstileadmin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, with every logger at DEBUG (and some at
 * TRACE), and the check that no part of a secret is in any of them. Close it to restore
 * the levels.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final Level rootLevel;

    private final List<Logger> atTrace;

    private LogCapture(String... tracedLoggers) {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        atTrace = Arrays.stream(tracedLoggers).map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        atTrace.forEach(logger -> logger.setLevel(Level.TRACE));
        captured.start();
        root.addAppender(captured);
    }

    /** Starts capturing, with the root logger at DEBUG and these at TRACE. */
    public static LogCapture atDebug(String... tracedLoggers) {
        return new LogCapture(tracedLoggers);
    }

    /** The lines so far: logger name, message and any stack trace. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        // Reactor threads may still be logging; the appender appends under its own lock.
        synchronized (captured) {
            events = new ArrayList<>(captured.list);
        }
        return events.stream().map(LogCapture::render).toList();
    }

    /** Asserts that no line holds any 8-character run of any of these values. */
    public void assertNoLineContainsAnyPartOf(Collection<String> secrets) {
        List<String> forbidden = secrets.stream().flatMap(secret -> fragments(secret).stream()).toList();
        // Searched plainly, and asserted on a hit only: a journey at DEBUG is thousands
        // of lines.
        List<String> leaking = lines().stream().filter(line -> forbidden.stream().anyMatch(line::contains)).toList();
        assertThat(leaking).as("log lines with part of a secret").isEmpty();
    }

    /**
     * Every 8-character run of a value: a truncated log line must not leak part of it
     * either.
     */
    public static List<String> fragments(String value) {
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i + 8 <= value.length(); i++) {
            fragments.add(value.substring(i, i + 8));
        }
        return fragments;
    }

    @Override
    public void close() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        atTrace.forEach(logger -> logger.setLevel(null));
    }

    private static String render(ILoggingEvent event) {
        String message = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? message
                : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

}
