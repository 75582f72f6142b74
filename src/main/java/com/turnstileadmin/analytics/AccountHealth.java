package com.turnstileadmin.analytics;

import com.turnstileadmin.account.CloudflareAccount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One account on the overview: its widgets, the most troubled first, or why its analytics
 * could not be read.
 *
 * @param complete {@code false} when the account has more widgets than the overview reads
 * @param problem why there are no figures; {@code null} when there are
 */
public record AccountHealth(CloudflareAccount account, List<WidgetTrouble> widgets, boolean complete,
        @Nullable AnalyticsProblem problem) {

    public AccountHealth {
        widgets = List.copyOf(widgets);
    }

    public static AccountHealth failed(CloudflareAccount account, AnalyticsProblem problem) {
        return new AccountHealth(account, List.of(), true, problem);
    }

    public List<WidgetTrouble> troubled() {
        return widgets.stream().filter(widget -> !widget.troubles().isEmpty()).toList();
    }

}
