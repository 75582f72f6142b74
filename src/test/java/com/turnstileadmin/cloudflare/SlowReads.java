package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.ListsOnlyWidgets;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSecret;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port whose reads (lists of 7 widgets, and widgets) answer only when the test lets
 * them, counting the calls: for reads in flight.
 */
final class SlowReads extends ListsOnlyWidgets {

    final CountDownLatch started = new CountDownLatch(1);

    final CountDownLatch answer = new CountDownLatch(1);

    final AtomicInteger calls = new AtomicInteger();

    /**
     * The answers of three threads that each make {@code read} at once, once all of them
     * have had the time to ask.
     */
    <T> List<T> threeAtOnce(Callable<T> read) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<T>> answers = List.of(threads.submit(read), threads.submit(read), threads.submit(read));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            answer.countDown();
            List<T> answered = new ArrayList<>();
            for (Future<T> each : answers) {
                answered.add(each.get(5, TimeUnit.SECONDS));
            }
            return answered;
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        called();
        return new WidgetPage(List.of(), query.page(), query.perPage(), 7);
    }

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        called();
        return new WidgetWithSecret(TestWidgets.widget(sitekey.value(), "Slow"), new WidgetSecret("0x4AAAAAAAslow"));
    }

    private void called() {
        calls.incrementAndGet();
        started.countDown();
        try {
            answer.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
