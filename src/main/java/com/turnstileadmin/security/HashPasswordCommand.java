package com.turnstileadmin.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code hash-password}: asks for a password (without echo on a terminal; else the first
 * line of standard input) and prints its bcrypt hash with the {@code {bcrypt}} prefix,
 * ready for {@code
 * local-sign-in.users[n].password-hash} or {@code MONITORING_PASSWORD}. It starts no web
 * app and never prints the password. Besides the start-up console, the only code that
 * uses the standard streams.
 */
public final class HashPasswordCommand {

    /** The first argument that runs it instead of the app. */
    public static final String NAME = "hash-password";

    private HashPasswordCommand() {
    }

    /**
     * Runs it on this process's console and standard streams; returns the exit status.
     */
    public static int runOnTheConsole() {
        Console console = System.console();
        return run(console != null && isTerminal(console) ? console : null, System.in, System.out, System.err);
    }

    /**
     * @param console the terminal to ask on, or {@code null} to read one line of
     * {@code in}
     * @return 0 when a hash was printed, 1 otherwise
     */
    static int run(@Nullable Console console, InputStream in, PrintStream out, PrintStream err) {
        char[] password = console != null ? askTwice(console, err) : firstLine(in, err);
        if (password == null) {
            return 1;
        }
        try {
            out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(new String(password)));
            return 0;
        }
        catch (IllegalArgumentException tooLong) {
            // bcrypt reads at most 72 bytes; Spring Security refuses longer ones rather
            // than cut them.
            err.println("The password is longer than bcrypt's 72 bytes: choose a shorter one.");
            return 1;
        }
        finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char @Nullable [] askTwice(Console console, PrintStream err) {
        char[] first = console.readPassword("Password: ");
        char[] second = first == null ? null : console.readPassword("The same password again: ");
        if (first == null || second == null || first.length == 0) {
            err.println("No password given.");
            return null;
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            err.println("The two passwords differ; nothing was hashed.");
            return null;
        }
        return first;
    }

    private static char @Nullable [] firstLine(InputStream in, PrintStream err) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                err.println("No password given: type it at a terminal, or pipe it in as one line.");
                return null;
            }
            return line.toCharArray();
        }
        catch (IOException e) {
            err.println("The password could not be read: " + e.getMessage());
            return null;
        }
    }

    /**
     * From JDK 22 {@link System#console()} is there even when input is piped;
     * {@code isTerminal()} (JDK 22 too, hence asked by reflection from this Java 17 code)
     * tells. Before 22 a console means a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (ReflectiveOperationException before22) {
            return true;
        }
    }

}
