package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.EditMerge.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditMergeTest {

    private static final WidgetSettings BASE = WidgetSettings.of("Shop", List.of("example.com"), WidgetMode.MANAGED);

    @Test
    void aChangeOfMineAloneIsKept() {
        EditMerge merge = EditMerge.of(BASE, BASE.withName("Mine"), BASE);

        assertThat(merge.merged()).isEqualTo(BASE.withName("Mine"));
        assertThat(merge.theirChanges()).isEmpty();
    }

    @Test
    void aChangeOfTheirsAloneIsKeptAndShown() {
        EditMerge merge = EditMerge.of(BASE, BASE, BASE.withMode(WidgetMode.INVISIBLE));

        assertThat(merge.merged()).isEqualTo(BASE.withMode(WidgetMode.INVISIBLE));
        assertThat(merge.theirChanges())
            .containsExactly(new Change(WidgetSetting.MODE, "managed", "invisible", "managed", false));
    }

    @Test
    void whenBothChangedAFieldDifferentlyMineWinsAndItIsAClash() {
        EditMerge merge = EditMerge.of(BASE, BASE.withName("Mine"), BASE.withName("Theirs"));

        assertThat(merge.merged().name()).isEqualTo("Mine");
        assertThat(merge.theirChanges())
            .containsExactly(new Change(WidgetSetting.NAME, "Shop", "Theirs", "Mine", true));
    }

    @Test
    void whenBothMadeTheSameChangeItIsNoClash() {
        EditMerge merge = EditMerge.of(BASE, BASE.withName("Same"), BASE.withName("Same"));

        assertThat(merge.merged().name()).isEqualTo("Same");
        assertThat(merge.theirChanges()).singleElement().extracting(Change::clash).isEqualTo(false);
    }

    @Test
    void fieldsIDidNotTouchTakeTheirValues() {
        WidgetSettings theirs = new WidgetSettings("Shop", List.of("a.example", "b.example"), WidgetMode.MANAGED,
                ClearanceLevel.MANAGED, Region.WORLD, true, true, true);

        EditMerge merge = EditMerge.of(BASE, BASE.withName("Mine"), theirs);

        assertThat(merge.merged()).isEqualTo(theirs.withName("Mine"));
    }

    @Test
    void theRegionIsAlwaysTheCurrentOneAndNeverShownAsAChange() {
        WidgetSettings china = new WidgetSettings("Shop", List.of("example.com"), WidgetMode.MANAGED,
                ClearanceLevel.NO_CLEARANCE, Region.CHINA, false, false, false);

        assertThat(EditMerge.of(BASE, china, BASE).merged().region()).isEqualTo(Region.WORLD);
        EditMerge theirsMoved = EditMerge.of(BASE, BASE, china);
        assertThat(theirsMoved.merged().region()).isEqualTo(Region.CHINA);
        assertThat(theirsMoved.theirChanges()).isEmpty();
    }

    @Test
    void theirChangesListExactlyTheFieldsTheyChangedReadably() {
        WidgetSettings theirs = new WidgetSettings("Shop 2", List.of("a.example", "b.example"), WidgetMode.INVISIBLE,
                ClearanceLevel.INTERACTIVE, Region.WORLD, true, true, false);

        assertThat(EditMerge.of(BASE, BASE, theirs).theirChanges()).containsExactly(
                new Change(WidgetSetting.NAME, "Shop", "Shop 2", "Shop", false),
                new Change(WidgetSetting.DOMAINS, "example.com", "a.example, b.example", "example.com", false),
                new Change(WidgetSetting.MODE, "managed", "invisible", "managed", false),
                new Change(WidgetSetting.CLEARANCE_LEVEL, "no_clearance", "interactive", "no_clearance", false),
                new Change(WidgetSetting.BOT_FIGHT_MODE, "off", "on", "off", false),
                new Change(WidgetSetting.OFFLABEL, "off", "on", "off", false));
    }

}
