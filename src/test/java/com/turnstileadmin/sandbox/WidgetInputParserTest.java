package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WidgetInputParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WidgetInputParser free = new WidgetInputParser(false);

    private final WidgetInputParser enterprise = new WidgetInputParser(true);

    @Test
    void fillsDefaultsAndNormalisesDomains() {
        WidgetInput input = free.parse(
                json("""
                        {"name":"Login","mode":"managed","domains":["WWW.Example.com","203.0.113.1","example.com","2001:db8::1"]}
                        """),
                "world");

        assertThat(input.domains()).containsExactly("2001:db8::1", "203.0.113.1", "example.com", "www.example.com");
        assertThat(input.clearanceLevel()).isEqualTo("no_clearance");
        assertThat(input.region()).isEqualTo("world");
        assertThat(input.botFightMode()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com", "example.com:8080", "example.com/login", "*.example.com",
            "-bad.example.com", "exa mple.com", "256.1.1.1", "[::1]", "" })
    void refusesDomainsThatAreNotHostnamesOrAddresses(String domain) {
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[\"ok.example.com\",\"" + domain + "\"]}",
                "/domains/1");
    }

    @Test
    void refusesNoDomainsAndMoreThanTen() {
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[]}", "/domains");
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"d").append(i).append(".example.com\"");
        }
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[" + eleven + "]}", "/domains");
    }

    @Test
    void enterpriseAccountsMayHaveNoDomains() {
        assertThat(enterprise.parse(json("{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[]}"), "world").domains())
            .isEmpty();
    }

    @Test
    void refusesBadNamesModesAndLevels() {
        assertRefused(free, "{\"mode\":\"managed\",\"domains\":[\"a.com\"]}", "/name");
        assertRefused(free, "{\"name\":\"\",\"mode\":\"managed\",\"domains\":[\"a.com\"]}", "/name");
        assertRefused(free, "{\"name\":\"" + "n".repeat(255) + "\",\"mode\":\"managed\",\"domains\":[\"a.com\"]}",
                "/name");
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"loud\",\"domains\":[\"a.com\"]}", "/mode");
        assertRefused(free, "{\"name\":\"x\",\"mode\":5,\"domains\":[\"a.com\"]}", "/mode");
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[\"a.com\"],\"clearance_level\":\"max\"}",
                "/clearance_level");
        assertRefused(free, "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[\"a.com\"],\"region\":\"mars\"}",
                "/region");
    }

    @Test
    void enterpriseFlagsAreRefusedUnlessTheAccountIsEnterprise() {
        String body = "{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[\"a.com\"],\"offlabel\":true}";

        assertThatThrownBy(() -> free.parse(json(body), "world")).isInstanceOfSatisfying(SandboxError.class, e -> {
            assertThat(e.code()).isEqualTo(SandboxError.ENTERPRISE_ONLY);
            assertThat(e.getMessage()).contains("Enterprise");
        });
        assertThat(enterprise.parse(json(body), "world").offlabel()).isTrue();
        assertThat(free.parse(json(body.replace("true", "false")), "world").offlabel()).isFalse();
    }

    @Test
    void anUpdateWithoutRegionKeepsTheWidgetsRegion() {
        assertThat(free.parse(json("{\"name\":\"x\",\"mode\":\"managed\",\"domains\":[\"a.com\"]}"), "china").region())
            .isEqualTo("china");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> free.parse(json("[1]"), "world")).isInstanceOf(SandboxError.class);
        assertThatThrownBy(() -> free.parse(null, "world")).isInstanceOf(SandboxError.class);
    }

    private static void assertRefused(WidgetInputParser parser, String body, String pointer) {
        assertThatThrownBy(() -> parser.parse(json(body), "world")).isInstanceOfSatisfying(SandboxError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.pointer()).isEqualTo(pointer);
        });
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

}
