package com.turnstileadmin.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One account's audit log: an entry for every write to its widgets, by the app or by
 * anything else holding a token, kept in memory (the newest {@value #MAX_ENTRIES}), and
 * read back a page at a time with an opaque cursor.
 */
final class AuditLog {

    /** Enough for any test bench; past it the oldest entries go first. */
    static final int MAX_ENTRIES = 100_000;

    private static final Comparator<Position> OLDEST_FIRST = Comparator.comparing(Position::time)
        .thenComparingLong(Position::sequence);

    private final Clock clock;

    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    private long nextSequence = 1;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * One page, and the cursor to the next one, or {@code null} when this is the last.
     */
    record Page(List<AuditEntry> entries, @Nullable String cursor) {
    }

    /** Where an entry stands in time order; the clock may give two entries one time. */
    private record Position(Instant time, long sequence) {

        static Position of(AuditEntry entry) {
            return new Position(entry.time(), entry.sequence());
        }
    }

    synchronized AuditEntry record(SandboxAccount account, AuditEntry.WidgetWrite write, Caller caller) {
        AuditEntry entry = new AuditEntry(nextSequence++, UUID.randomUUID().toString(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), account, write, caller, rayId());
        entries.addLast(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
        return entry;
    }

    synchronized Page find(AuditLogQuery query) {
        Comparator<Position> order = query.ascending() ? OLDEST_FIRST : OLDEST_FIRST.reversed();
        Stream<AuditEntry> matching = entries.stream()
            .filter(entry -> query.covers(entry.time()))
            .sorted(Comparator.comparing(Position::of, order));
        if (query.cursor() != null) {
            Position after = decode(query.cursor());
            matching = matching.filter(entry -> order.compare(Position.of(entry), after) > 0);
        }
        List<AuditEntry> page = matching.limit(query.limit() + 1L).toList();
        if (page.size() <= query.limit()) {
            return new Page(page, null);
        }
        List<AuditEntry> shown = page.subList(0, query.limit());
        return new Page(shown, encode(shown.get(shown.size() - 1)));
    }

    synchronized int size() {
        return entries.size();
    }

    /** A cursor names the last entry shown, by its time and sequence number. */
    private static String encode(AuditEntry last) {
        String position = last.time() + "|" + last.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = position.indexOf('|');
            return new Position(Instant.parse(position.substring(0, bar)), Long.parseLong(position.substring(bar + 1)));
        }
        catch (RuntimeException e) {
            throw SandboxError.badRequest("cursor is not a cursor this endpoint gave");
        }
    }

    /** A Ray ID as Cloudflare's look: 16 hexadecimal characters. */
    private static String rayId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

}
