package com.turnstileadmin.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Turns a bad setting into one clear line at start-up, instead of the binding stack trace
 * Spring would print. Ordered first so that Boot's generic binding analyzers do not claim
 * it.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Invalid setting: " + cause.getMessage(),
                "Correct " + cause.setting() + " (see docs/configuration.md) and start again.", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
