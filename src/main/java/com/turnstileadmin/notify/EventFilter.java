package com.turnstileadmin.notify;

import com.turnstileadmin.account.AccountId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A destination's choice of event types and accounts, read from their names. */
final class EventFilter {

    private EventFilter() {
    }

    /** The types named; empty (all) when none are. */
    static Set<EventType> of(List<String> names, String setting) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            types.add(EventType.of(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        setting + " names an unknown event type \"" + name + "\"; the types are "
                                + List.of(EventType.values())
                                    .stream()
                                    .map(EventType::wireName)
                                    .collect(Collectors.joining(", ")))));
        }
        return types;
    }

    /** The accounts named; empty (all) when none are. */
    static Set<AccountId> accounts(List<String> ids, String setting) {
        try {
            return ids.stream()
                .filter(id -> !id.isBlank())
                .map(id -> new AccountId(id.trim()))
                .collect(Collectors.toSet());
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(setting + ": " + invalid.getMessage());
        }
    }

}
