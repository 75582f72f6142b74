package com.turnstileadmin.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Which Cloudflare accounts the app manages and how it signs in to them. One account
 * comes from the {@code CLOUDFLARE_*} environment variables; more can be listed under
 * {@code
 * cloudflare.accounts} in {@code application.yml}. With none of them set the app runs on
 * its built-in sandbox.
 *
 * <p>
 * Checked as it is bound: a malformed account id or an account without credentials stops
 * start-up with one line naming the setting. {@link #toString()} shows no token or key.
 *
 * @param apiBaseUrl the API's base URL ({@code CLOUDFLARE_API_BASE_URL}); default
 * Cloudflare's own, change it for a proxy or an API mock
 * @param accountId the single account's id ({@code CLOUDFLARE_ACCOUNT_ID})
 * @param accountName the single account's display name ({@code CLOUDFLARE_ACCOUNT_NAME});
 * default "Cloudflare account"
 * @param apiToken the single account's API token ({@code CLOUDFLARE_API_TOKEN})
 * @param apiEmail e-mail address for legacy key auth ({@code CLOUDFLARE_API_EMAIL})
 * @param apiKey global API key for legacy key auth ({@code CLOUDFLARE_API_KEY})
 * @param accountPlan the single account's Turnstile plan
 * ({@code CLOUDFLARE_ACCOUNT_PLAN}): {@code free} or {@code enterprise}; default unset,
 * unknown
 * @param accounts further accounts, each with its own id, name and credentials
 */
@ConfigurationProperties("cloudflare")
public record CloudflareProperties(@DefaultValue(DEFAULT_API_BASE_URL) URI apiBaseUrl, @Nullable String accountId,
        @DefaultValue("Cloudflare account") String accountName, @Nullable String apiToken, @Nullable String apiEmail,
        @Nullable String apiKey, @Nullable String accountPlan, @Nullable List<Account> accounts) {

    /**
     * An account listed in {@code application.yml}.
     *
     * @param id the account id, 32 hexadecimal characters
     * @param name the name the dashboard shows for it; default its id
     * @param apiToken an API token, or else
     * @param apiEmail the e-mail address and
     * @param apiKey the global API key of legacy auth
     * @param plan its Turnstile plan, {@code free} or {@code enterprise}; default unset,
     * unknown
     */
    public record Account(@Nullable String id, @Nullable String name, @Nullable String apiToken,
            @Nullable String apiEmail, @Nullable String apiKey, @Nullable String plan) {

        /** An account whose plan is not given. */
        public Account(@Nullable String id, @Nullable String name, @Nullable String apiToken, @Nullable String apiEmail,
                @Nullable String apiKey) {
            this(id, name, apiToken, apiEmail, apiKey, null);
        }

        @Override
        public String toString() {
            return "Account[id=" + id + ", name=" + name + ", plan=" + plan + "]";
        }
    }

    /** Cloudflare's own API; any other base URL is a proxy or a mock. */
    public static final String DEFAULT_API_BASE_URL = "https://api.cloudflare.com/client/v4";

    public CloudflareProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        checkBaseUrl(apiBaseUrl);
        if (isConfigured(accountId, apiToken, apiEmail, apiKey) || !accounts.isEmpty()) {
            // Building the accounts is the check; doing it here makes start-up fail while
            // binding.
            toAccountList(accountId, accountName, apiToken, apiEmail, apiKey, accountPlan, accounts);
        }
    }

    /**
     * The configured accounts, in the order they were given (the single account first).
     */
    public CloudflareAccounts toAccounts() {
        return new CloudflareAccounts(apiBaseUrl,
                toAccountList(accountId, accountName, apiToken, apiEmail, apiKey, accountPlan, accounts), false);
    }

    /**
     * Whether any of the single account's settings has a value; blank counts as unset.
     */
    static boolean isConfigured(@Nullable String... singleAccountSettings) {
        for (String setting : singleAccountSettings) {
            if (StringUtils.hasText(setting)) {
                return true;
            }
        }
        return false;
    }

    private static void checkBaseUrl(URI url) {
        SettingName setting = new SettingName("CLOUDFLARE_API_BASE_URL", "cloudflare.api-base-url");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new InvalidSettingException(setting.full(), "must be an http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            // It would end up in log lines; proxy credentials belong in the proxy's own
            // settings.
            throw new InvalidSettingException(setting.full(), "must not contain a user name or password");
        }
    }

    /**
     * How a setting is named to the user: by its variable where it has one, and by its
     * property.
     */
    private record SettingName(@Nullable String variable, String property) {

        String full() {
            return variable == null ? property : variable + " (" + property + ")";
        }

        String brief() {
            return variable == null ? property : variable;
        }
    }

    private record AccountSettings(SettingName id, SettingName token, SettingName email, SettingName key,
            SettingName plan) {

        static AccountSettings single() {
            return new AccountSettings(new SettingName("CLOUDFLARE_ACCOUNT_ID", "cloudflare.account-id"),
                    new SettingName("CLOUDFLARE_API_TOKEN", "cloudflare.api-token"),
                    new SettingName("CLOUDFLARE_API_EMAIL", "cloudflare.api-email"),
                    new SettingName("CLOUDFLARE_API_KEY", "cloudflare.api-key"),
                    new SettingName("CLOUDFLARE_ACCOUNT_PLAN", "cloudflare.account-plan"));
        }

        static AccountSettings listed(int index) {
            String prefix = "cloudflare.accounts[" + index + "]";
            return new AccountSettings(new SettingName(null, prefix + ".id"),
                    new SettingName(null, prefix + ".api-token"), new SettingName(null, prefix + ".api-email"),
                    new SettingName(null, prefix + ".api-key"), new SettingName(null, prefix + ".plan"));
        }
    }

    private static List<CloudflareAccount> toAccountList(@Nullable String accountId, String accountName,
            @Nullable String apiToken, @Nullable String apiEmail, @Nullable String apiKey, @Nullable String accountPlan,
            List<Account> listed) {
        List<CloudflareAccount> result = new ArrayList<>();
        if (isConfigured(accountId, apiToken, apiEmail, apiKey)) {
            result.add(account(AccountSettings.single(),
                    new Account(accountId, accountName, apiToken, apiEmail, apiKey, accountPlan)));
        }
        for (int i = 0; i < listed.size(); i++) {
            result.add(account(AccountSettings.listed(i), listed.get(i)));
        }
        Set<AccountId> seen = new HashSet<>();
        for (CloudflareAccount account : result) {
            if (!seen.add(account.id())) {
                throw new InvalidSettingException("cloudflare.accounts", "lists account " + account.id() + " twice");
            }
        }
        return result;
    }

    private static CloudflareAccount account(AccountSettings names, Account settings) {
        String id = settings.id();
        String token = settings.apiToken();
        String email = settings.apiEmail();
        String key = settings.apiKey();
        if (!StringUtils.hasText(id)) {
            String given = StringUtils.hasText(token) ? names.token().brief()
                    : StringUtils.hasText(email) ? names.email().brief() : names.key().brief();
            throw new InvalidSettingException(names.id().full(), "is not set, but " + given + " is");
        }
        if (!AccountId.isValid(id)) {
            // The value is not echoed: it could be a token pasted into the wrong
            // variable.
            throw new InvalidSettingException(names.id().full(), "is not a Cloudflare account id (expected 32 "
                    + "lower-case hexadecimal characters, got " + id.length() + " characters)");
        }
        return new CloudflareAccount(new AccountId(id), StringUtils.hasText(settings.name()) ? settings.name() : id,
                credentials(names, token, email, key), AccountPlan.parse(settings.plan(), names.plan().full()));
    }

    private static Credentials credentials(AccountSettings names, @Nullable String token, @Nullable String email,
            @Nullable String key) {
        boolean hasToken = StringUtils.hasText(token);
        boolean hasEmail = StringUtils.hasText(email);
        boolean hasKey = StringUtils.hasText(key);
        if (hasToken && (hasEmail || hasKey)) {
            throw new InvalidSettingException(names.token().full(), "is set together with " + names.email().brief()
                    + "/" + names.key().brief() + ": set an API token or the legacy e-mail and key, not both");
        }
        if (hasToken) {
            return new Credentials.ApiToken(token);
        }
        if (hasEmail && hasKey) {
            return new Credentials.GlobalApiKey(email, key);
        }
        if (hasEmail) {
            throw new InvalidSettingException(names.key().full(), "is not set, but " + names.email().brief() + " is");
        }
        if (hasKey) {
            throw new InvalidSettingException(names.email().full(), "is not set, but " + names.key().brief() + " is");
        }
        throw new InvalidSettingException(names.token().full(), "is not set: the account of " + names.id().brief()
                + " needs an API token, or " + names.email().brief() + " and " + names.key().brief());
    }

    @Override
    public String toString() {
        return "CloudflareProperties[apiBaseUrl=" + apiBaseUrl + ", accountId=" + accountId + ", accounts=" + accounts
                + "]";
    }
}
