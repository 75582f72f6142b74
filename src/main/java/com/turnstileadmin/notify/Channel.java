package com.turnstileadmin.notify;

/**
 * How one destination is sent an event: a signed webhook, a Slack or Teams message, an
 * e-mail. One attempt; the dispatcher retries.
 */
public interface Channel {

    /**
     * Sends the event once.
     * @param json the event as {@link EventJson} wrote it when it happened: what a
     * webhook sends, byte for byte, on every attempt
     * @return how the receiver answered; an exception only for a bug (a receiver out of
     * reach is a {@link SendResult#unreachable failed} result)
     */
    SendResult send(NotificationEvent event, String json);

}
