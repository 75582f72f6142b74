package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedInUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UserCallBudgetTest {

    private static final SignedInUser VIEWER = new SignedInUser("local:vera", "vera", null, Role.VIEWER);

    private static final SignedInUser OTHER = new SignedInUser("local:otto", "otto", null, Role.VIEWER);

    private final AtomicLong nanos = new AtomicLong();

    private final Ticker ticker = nanos::get;

    @Test
    void aBurstUpToTheCapacityPassesAndTheNextCallIsRefusedWithTheWaitRoundedUp() {
        UserCallBudget budget = new UserCallBudget(new CallBudgetProperties(30, 60, 100), ticker);
        for (int i = 0; i < 30; i++) {
            budget.spend(VIEWER, 1);
        }

        assertThatThrownBy(() -> budget.spend(VIEWER, 1)).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        nanos.addAndGet(Duration.ofMillis(400).toNanos());
        assertThatThrownBy(() -> budget.spend(VIEWER, 1)).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
        nanos.addAndGet(Duration.ofMillis(600).toNanos());
        assertThatNoException().isThrownBy(() -> budget.spend(VIEWER, 1));
    }

    @Test
    void eachUserHasAShareOfTheirOwn() {
        UserCallBudget budget = new UserCallBudget(new CallBudgetProperties(2, 1, 100), ticker);
        budget.spend(VIEWER, 2);

        assertThatThrownBy(() -> budget.spend(VIEWER, 1)).isInstanceOfSatisfying(OverBudgetException.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(60));
        assertThatNoException().isThrownBy(() -> budget.spend(OTHER, 2));
    }

    @Test
    void aRequestOfTwoCallsIsRefusedWholeWhenOnlyOneIsLeft() {
        UserCallBudget budget = new UserCallBudget(new CallBudgetProperties(3, 60, 100), ticker);
        budget.spend(VIEWER, 2);

        assertThatThrownBy(() -> budget.spend(VIEWER, 2)).isInstanceOf(OverBudgetException.class);
        assertThatNoException().as("the refused request took nothing").isThrownBy(() -> budget.spend(VIEWER, 1));
    }

    @Test
    void theDefaultsAreAShareOfAQuarterOfTheTeamsLimit() {
        CallBudgetProperties defaults = new CallBudgetProperties(30, 60, 10000);
        UserCallBudget budget = new UserCallBudget(defaults, ticker);
        int granted = 0;
        // One call every 100 ms for 5 minutes: ten times what a fast person clicks.
        for (int tick = 0; tick < 3000; tick++) {
            try {
                budget.spend(VIEWER, 1);
                granted++;
            }
            catch (OverBudgetException refused) {
                // counted by what was granted
            }
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
        }

        // Cloudflare allows the team's token 1,200 calls per 5 minutes.
        assertThat(granted).isBetween(300, 330);
    }

}
