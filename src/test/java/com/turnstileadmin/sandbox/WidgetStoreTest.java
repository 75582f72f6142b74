package com.turnstileadmin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetStoreTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private final MutableClock clock = new MutableClock(START);

    private final WidgetStore store = new WidgetStore(clock, new Keys());

    @Test
    void createdWidgetsHaveCloudflareShapedKeysAndMicrosecondTimes() {
        SandboxWidget widget = store.create(input("Login", "example.com"));

        assertThat(widget.sitekey()).hasSize(24).startsWith("0x4AAAAAAA").matches("[A-Za-z0-9_x-]+");
        assertThat(widget.secret()).hasSize(35).startsWith("0x4AAAAAAA");
        assertThat(widget.createdOn()).isEqualTo(START.truncatedTo(ChronoUnit.MICROS));
        assertThat(widget.modifiedOn()).isEqualTo(widget.createdOn());
        assertThat(widget.deployedVia()).isEqualTo("api");
    }

    @Test
    void updateKeepsCreationTimeAndMovesModificationTime() {
        SandboxWidget created = store.create(input("Login", "example.com"));
        clock.advance(Duration.ofMinutes(5));

        SandboxWidget updated = store.update(created.sitekey(), input("Login v2", "example.com"));

        assertThat(updated.createdOn()).isEqualTo(created.createdOn());
        assertThat(updated.modifiedOn()).isEqualTo(created.modifiedOn().plus(Duration.ofMinutes(5)));
        assertThat(updated.name()).isEqualTo("Login v2");
        assertThat(updated.secret()).isEqualTo(created.secret());
    }

    @Test
    void regionCannotChangeAfterCreation() {
        SandboxWidget created = store.create(input("Login", "example.com"));
        WidgetInput china = new WidgetInput("Login", List.of("example.com"), "managed", "no_clearance", "china", false,
                false, false);

        assertThatThrownBy(() -> store.update(created.sitekey(), china)).isInstanceOfSatisfying(SandboxError.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.pointer()).isEqualTo("/region");
                });
    }

    @Test
    void rotationKeepsThePreviousSecretForTwoHoursAndRefusesASecondRotationMeanwhile() {
        SandboxWidget created = store.create(input("Login", "example.com"));

        SandboxWidget rotated = store.rotateSecret(created.sitekey(), false);

        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(rotated.previousSecret()).isEqualTo(created.secret());
        assertThat(rotated.previousSecretValidUntil()).isEqualTo(rotated.modifiedOn().plus(Duration.ofHours(2)));

        clock.advance(Duration.ofMinutes(119));
        assertThatThrownBy(() -> store.rotateSecret(created.sitekey(), false)).isInstanceOfSatisfying(
                SandboxError.class, e -> assertThat(e.code()).isEqualTo(SandboxError.ROTATION_IN_GRACE_PERIOD));
        assertThatThrownBy(() -> store.rotateSecret(created.sitekey(), true)).isInstanceOf(SandboxError.class);

        clock.advance(Duration.ofMinutes(1));
        SandboxWidget again = store.rotateSecret(created.sitekey(), true);
        assertThat(again.secret()).isNotIn(created.secret(), rotated.secret());
        assertThat(again.previousSecret()).isNull();
    }

    @Test
    void rotatingImmediatelyLeavesNoGracePeriod() {
        SandboxWidget created = store.create(input("Login", "example.com"));

        store.rotateSecret(created.sitekey(), true);

        assertThat(store.rotateSecret(created.sitekey(), false).previousSecret()).isNotNull();
    }

    @Test
    void listFiltersByNameOrSitekeyIgnoringCase() {
        SandboxWidget login = store.create(input("Shop LOGIN form", "shop.example.com"));
        store.create(input("Contact form", "example.com"));

        assertThat(names(list(Map.of("filter", "name:login")))).containsExactly("Shop LOGIN form");
        String middle = login.sitekey().substring(12, 20).toLowerCase();
        assertThat(names(list(Map.of("filter", "sitekey:" + middle)))).containsExactly("Shop LOGIN form");
        assertThat(names(list(Map.of("filter", "name:")))).hasSize(2);
    }

    @Test
    void listPagesWithStableOrderAndTotals() {
        for (int i = 0; i < 12; i++) {
            store.create(input("Widget " + (char) ('a' + i % 3), "example.com"));
            clock.advance(Duration.ofSeconds(1));
        }

        WidgetStore.Page first = list(Map.of("per_page", "5", "order", "name"));
        WidgetStore.Page third = list(Map.of("per_page", "5", "page", "3", "order", "name"));
        WidgetStore.Page beyond = list(Map.of("per_page", "5", "page", "4", "order", "name"));

        assertThat(first.widgets()).hasSize(5);
        assertThat(first.totalCount()).isEqualTo(12);
        assertThat(third.widgets()).hasSize(2);
        assertThat(beyond.widgets()).isEmpty();
        assertThat(beyond.totalCount()).isEqualTo(12);
        // Equal names keep creation order, so no widget appears on two pages.
        List<Long> ids = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            list(Map.of("per_page", "5", "page", "" + page, "order", "name")).widgets().forEach(w -> ids.add(w.id()));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    void listSortsDescendingByCreationTime() {
        store.create(input("old", "example.com"));
        clock.advance(Duration.ofDays(1));
        store.create(input("new", "example.com"));

        assertThat(names(list(Map.of("order", "created_on", "direction", "desc")))).containsExactly("new", "old");
    }

    @Test
    void unknownWidgetsAreNotFound() {
        assertThatThrownBy(() -> store.get("0x4AAAAAAAnope")).isInstanceOfSatisfying(SandboxError.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> store.delete("0x4AAAAAAAnope")).isInstanceOf(SandboxError.class);
    }

    @Test
    void demoWidgetsAreSeededOldestFirstWithVariety() {
        DemoWidgets.addTo(store, 40, false);

        List<SandboxWidget> all = list(Map.of("per_page", "100")).widgets();
        assertThat(all).hasSize(40);
        assertThat(all).extracting(SandboxWidget::createdOn).isSorted();
        assertThat(all).extracting(w -> w.settings().mode()).contains("managed", "non-interactive", "invisible");
        assertThat(all).extracting(w -> w.settings().region()).contains("world", "china");
        assertThat(all).extracting(SandboxWidget::deployedVia).contains((String) null, "dashboard");
        assertThat(all).allSatisfy(w -> assertThat(w.domains()).isSorted().isNotEmpty());
        assertThat(all).allSatisfy(w -> assertThat(w.createdOn()).isBefore(DemoWidgets.EPOCH));
        assertThat(all)
            .noneMatch(w -> w.settings().botFightMode() || w.settings().offlabel() || w.settings().ephemeralId());
    }

    @Test
    void anEnterpriseAccountsDemoWidgetsUseItsFeatures() {
        DemoWidgets.addTo(store, 12, true);

        List<SandboxWidget> all = list(Map.of("per_page", "100")).widgets();
        assertThat(all).hasSize(12);
        assertThat(all).anyMatch(w -> w.domains().isEmpty());
        assertThat(all).anyMatch(w -> w.settings().botFightMode());
        assertThat(all).anyMatch(w -> w.settings().offlabel());
        assertThat(all).anyMatch(w -> w.settings().ephemeralId());
    }

    private WidgetStore.Page list(Map<String, String> query) {
        return store.list(ListRequest.parse(query));
    }

    private static List<String> names(WidgetStore.Page page) {
        return page.widgets().stream().map(SandboxWidget::name).toList();
    }

    private static WidgetInput input(String name, String domain) {
        return new WidgetInput(name, List.of(domain), "managed", "no_clearance", "world", false, false, false);
    }

}
