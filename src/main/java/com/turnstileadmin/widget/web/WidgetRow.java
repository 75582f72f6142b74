package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.time.ShownTime;
import com.turnstileadmin.time.Times;
import com.turnstileadmin.widget.SettingLabels;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the widget list, its link and texts worked out in Java. A page has up to 100
 * rows, and in the template every expression is a Spring EL evaluation with Thymeleaf's
 * member checks: Spring EL was two fifths of the list page's CPU time, most of it calls
 * such as {@code @times.relative(w.createdOn)} and property chains such as
 * {@code w.sitekey.value} in each cell.
 *
 * @param name the widget's name
 * @param href the widget's details page
 * @param sitekey the widget's sitekey
 * @param sitekeyStart the sitekey but its last {@value #SITEKEY_END} characters: the part
 * the narrow cell cuts with "…" (every sitekey starts {@code 0x4AAAAAAA}, so the end is
 * what tells them apart)
 * @param sitekeyEnd the last {@value #SITEKEY_END} characters, always shown
 * @param mode managed, non-interactive or invisible (or a mode Cloudflare added since),
 * as Cloudflare has it
 * @param modeLabel what the pages call it ({@link SettingLabels})
 * @param domains the first {@value #DOMAINS_SHOWN} domains, comma-separated
 * @param moreDomains how many domains there are beyond those ("+2 more",
 * {@code widget.list.moreDomains}), or {@code null} when there are none
 * @param allDomains every domain, comma-separated, for the tooltip of {@code moreDomains}
 * @param region world or china
 * @param regionLabel what the pages call it
 * @param clearanceLevel the clearance a solved challenge grants
 * @param clearanceLevelLabel what the pages call it
 * @param created when the widget was created
 * @param modified when the widget was last changed
 */
public record WidgetRow(String name, String href, String sitekey, String sitekeyStart, String sitekeyEnd, String mode,
        String modeLabel, String domains, @Nullable Integer moreDomains, String allDomains, String region,
        String regionLabel, String clearanceLevel, String clearanceLevelLabel, ShownTime created, ShownTime modified) {

    static final int DOMAINS_SHOWN = 3;
    static final int SITEKEY_END = 8;

    static List<WidgetRow> of(List<Widget> widgets, AccountId account, Times times, SettingLabels labels) {
        return widgets.stream().map(widget -> of(widget, account, times, labels)).toList();
    }

    static WidgetRow of(Widget widget, AccountId account, Times times, SettingLabels labels) {
        WidgetSettings settings = widget.settings();
        List<String> domains = settings.domains();
        boolean more = domains.size() > DOMAINS_SHOWN;
        String shown = String.join(", ", more ? domains.subList(0, DOMAINS_SHOWN) : domains);
        Integer moreDomains = more ? domains.size() - DOMAINS_SHOWN : null;
        String sitekey = widget.sitekey().value();
        int cut = Math.max(0, sitekey.length() - SITEKEY_END);
        return new WidgetRow(widget.name(), WidgetPaths.details(account, widget.sitekey()), sitekey,
                sitekey.substring(0, cut), sitekey.substring(cut), settings.mode().value(),
                labels.mode(settings.mode()), shown, moreDomains, String.join(", ", domains), settings.region().value(),
                labels.region(settings.region()), settings.clearanceLevel().value(),
                labels.clearanceLevel(settings.clearanceLevel()), times.shown(widget.createdOn()),
                times.shown(widget.modifiedOn()));
    }
}
