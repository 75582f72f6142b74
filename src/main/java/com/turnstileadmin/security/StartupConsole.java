package com.turnstileadmin.security;

/**
 * The one place that writes to the console rather than the log: a generated admin password must
 * reach whoever starts the app, but no log line may hold a secret (log files are kept and shipped).
 */
final class StartupConsole {

    private StartupConsole() {
    }

    static void print(String line) {
        System.out.println(line);
    }
}
