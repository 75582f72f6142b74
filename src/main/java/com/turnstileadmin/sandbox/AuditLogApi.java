package com.turnstileadmin.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.turnstileadmin.sandbox.SandboxHttp.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's account audit logs, version 2 ({@code GET
 * /accounts/{id}/logs/audit?since=&before=}): the entries of the account's
 * {@link AuditLog}, newest first unless asked otherwise, a page at a time.
 */
final class AuditLogApi {

    private static final Pattern ROUTE = Pattern.compile(SandboxServer.BASE_PATH + "/accounts/([^/]+)/logs/audit/?");

    private final List<SandboxAccount> accounts;

    private volatile boolean permitted = true;

    AuditLogApi(List<SandboxAccount> accounts) {
        this.accounts = accounts;
    }

    static boolean routes(HttpExchange exchange) {
        return ROUTE.matcher(exchange.getRequestURI().getRawPath()).matches();
    }

    /** Gives or takes the tokens' "Account Settings Read", which the logs need. */
    void permit(boolean granted) {
        permitted = granted;
    }

    Answer answer(HttpExchange exchange) {
        Matcher route = ROUTE.matcher(exchange.getRequestURI().getRawPath());
        if (!route.matches()) {
            throw new IllegalStateException("Not an audit log route");
        }
        SandboxAccount account = SandboxAccount.find(accounts, route.group(1));
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new SandboxError(405, SandboxError.METHOD_NOT_ALLOWED, "Method not allowed", null);
        }
        if (!permitted) {
            throw new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null);
        }
        AuditLog.Page page = account.auditLog().find(AuditLogQuery.parse(SandboxHttp.query(exchange)));
        List<Object> entries = new ArrayList<>();
        page.entries().forEach(entry -> entries.add(entry.json()));
        Map<String, Object> envelope = SandboxJson.success(entries);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("count", entries.size());
        if (page.cursor() != null) {
            // Cloudflare's document names the next page's cursor result_info.cursor;
            // newer SDKs (TypeScript 7, Go v6) page on result_info.cursors.after.
            // Both are given, so that every client pages on.
            info.put("cursor", page.cursor());
            info.put("cursors", Map.of("after", page.cursor()));
        }
        envelope.put("result_info", info);
        return Answer.json(200, envelope);
    }

}
