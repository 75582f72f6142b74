package com.turnstileadmin.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudflarePropertiesTest {

    private static final URI CLOUDFLARE = URI.create("https://api.cloudflare.com/client/v4");

    private static final String ID = "023e105f4ecef8ad9ca31a8372d0c353";

    private static final String OTHER_ID = "9a7806061c88ada191ed06f989cc3dac";

    private static final String THIRD_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static final String TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    @Test
    void nothingConfiguredMeansSandbox() {
        assertThat(CloudflareProperties.isConfigured(null, null, null, null)).isFalse();
        assertThat(CloudflareProperties.isConfigured("", " ", null, null)).isFalse();
        assertThat(CloudflareProperties.isConfigured(null, "token", null, null)).isTrue();
    }

    @Test
    void oneAccountFromTheEnvironmentWithAToken() {
        CloudflareAccounts accounts = single(ID, TOKEN, null, null).toAccounts();

        assertThat(accounts.isSandbox()).isFalse();
        assertThat(accounts.apiBaseUrl()).isEqualTo(CLOUDFLARE);
        assertThat(accounts.first().id()).isEqualTo(new AccountId(ID));
        assertThat(accounts.first().displayName()).isEqualTo("Cloudflare account");
        assertThat(accounts.first().credentials()).isEqualTo(new Credentials.ApiToken(TOKEN));
    }

    @Test
    void oneAccountWithTheLegacyKey() {
        CloudflareAccounts accounts = single(ID, null, "ops@example.com", "144c9defac04969c7bfad8efaa8ea194")
            .toAccounts();

        assertThat(accounts.first().credentials())
            .isEqualTo(new Credentials.GlobalApiKey("ops@example.com", "144c9defac04969c7bfad8efaa8ea194"));
    }

    @Test
    void aMalformedAccountIdIsNamedButNotEchoed() {
        assertThatThrownBy(() -> single(TOKEN, TOKEN, null, null)).isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("CLOUDFLARE_ACCOUNT_ID (cloudflare.account-id) is not a Cloudflare account id")
            .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> single(ID.toUpperCase(), TOKEN, null, null))
            .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void incompleteCredentialsNameTheMissingSetting() {
        assertThatThrownBy(() -> single(ID, null, null, null))
            .hasMessageStartingWith("CLOUDFLARE_API_TOKEN (cloudflare.api-token) is not set");
        assertThatThrownBy(() -> single(null, TOKEN, null, null))
            .hasMessage("CLOUDFLARE_ACCOUNT_ID (cloudflare.account-id) is not set, but CLOUDFLARE_API_TOKEN is");
        assertThatThrownBy(() -> single(ID, null, "ops@example.com", null))
            .hasMessage("CLOUDFLARE_API_KEY (cloudflare.api-key) is not set, but CLOUDFLARE_API_EMAIL is");
        assertThatThrownBy(() -> single(ID, null, null, "key"))
            .hasMessage("CLOUDFLARE_API_EMAIL (cloudflare.api-email) is not set, but CLOUDFLARE_API_KEY is");
        assertThatThrownBy(() -> single(ID, TOKEN, "ops@example.com", "key")).hasMessageContaining("not both")
            .hasMessageNotContaining(TOKEN);
    }

    @Test
    void severalAccountsFromApplicationYaml() {
        CloudflareAccounts accounts = listed(new CloudflareProperties.Account(ID, "Production", TOKEN, null, null),
                new CloudflareProperties.Account(OTHER_ID, null, null, "ops@example.com", "key"))
            .toAccounts();

        assertThat(accounts.all()).extracting(CloudflareAccount::displayName).containsExactly("Production", OTHER_ID);
        assertThat(accounts.find(new AccountId(OTHER_ID))).isPresent();
        assertThat(accounts.find(new AccountId("00000000000000000000000000000000"))).isEmpty();
    }

    @Test
    void aListedAccountWithoutCredentialsIsNamedByItsIndex() {
        assertThatThrownBy(() -> listed(new CloudflareProperties.Account(ID, "Production", TOKEN, null, null),
                new CloudflareProperties.Account(OTHER_ID, "Staging", null, null, null)))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("cloudflare.accounts[1].api-token is not set");
    }

    @Test
    void anAccountListedTwiceIsRefused() {
        assertThatThrownBy(() -> listed(new CloudflareProperties.Account(ID, "A", TOKEN, null, null),
                new CloudflareProperties.Account(ID, "B", TOKEN, null, null)))
            .hasMessageContaining("twice");
    }

    @Test
    void theBaseUrlMustBeHttpWithoutCredentialsInIt() {
        assertThatThrownBy(
                () -> new CloudflareProperties(URI.create("ftp://example.com"), ID, "x", TOKEN, null, null, null, null))
            .hasMessageStartingWith("CLOUDFLARE_API_BASE_URL (cloudflare.api-base-url) must be an http");
        assertThatThrownBy(() -> new CloudflareProperties(URI.create("https://user:secret@proxy.example.com/v4"), ID,
                "x", TOKEN, null, null, null, null))
            .hasMessageContaining("must not contain a user name or password")
            .hasMessageNotContaining("secret");
    }

    @Test
    void eachAccountsPlanIsFreeEnterpriseOrUnknownWhenUnset() {
        CloudflareAccounts accounts = new CloudflareProperties(CLOUDFLARE, ID, "Production", TOKEN, null, null,
                "Enterprise",
                List.of(new CloudflareProperties.Account(OTHER_ID, "Staging", TOKEN, null, null, " free "),
                        new CloudflareProperties.Account(THIRD_ID, "Lab", TOKEN, null, null)))
            .toAccounts();

        assertThat(accounts.all()).extracting(CloudflareAccount::plan)
            .containsExactly(AccountPlan.ENTERPRISE, AccountPlan.FREE, AccountPlan.UNKNOWN);
    }

    @Test
    void aPlanThatIsNeitherFreeNorEnterpriseStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new CloudflareProperties(CLOUDFLARE, ID, "x", TOKEN, null, null, "business", null))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("CLOUDFLARE_ACCOUNT_PLAN (cloudflare.account-plan) is not free or enterprise "
                    + "(leave it unset if unsure)");
        assertThatThrownBy(() -> listed(new CloudflareProperties.Account(ID, "A", TOKEN, null, null, "pro")))
            .hasMessageStartingWith("cloudflare.accounts[0].plan is not free or enterprise");
    }

    @Test
    void noToStringShowsACredential() {
        CloudflareProperties properties = listed(new CloudflareProperties.Account(ID, "A", TOKEN, null, null));

        assertThat(properties.toString()).doesNotContain(TOKEN);
        assertThat(properties.toAccounts().all().toString()).doesNotContain(TOKEN);
        assertThat(new Credentials.GlobalApiKey("ops@example.com", "144c9defac").toString())
            .doesNotContain("144c9defac");
    }

    private static CloudflareProperties single(String id, String token, String email, String key) {
        return new CloudflareProperties(CLOUDFLARE, id, "Cloudflare account", token, email, key, null, null);
    }

    private static CloudflareProperties listed(CloudflareProperties.Account... accounts) {
        return new CloudflareProperties(CLOUDFLARE, null, "Cloudflare account", null, null, null, null,
                List.of(accounts));
    }

}
