package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.paging.LenientNumberEditor;
import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.time.Times;
import com.turnstileadmin.widget.SettingLabels;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The widget list: filter, sort and pages, all in the URL. A plain request gets the page;
 * an htmx request (typing in the filter, a header or pager click) only the results it
 * replaces.
 */
@Controller
class WidgetListController {

    private final WidgetService widgets;

    private final Times times;

    private final SettingLabels labels;

    WidgetListController(WidgetService widgets, Times times, SettingLabels labels) {
        this.widgets = widgets;
        this.times = times;
        this.labels = labels;
    }

    @InitBinder
    void readPagingLeniently(WebDataBinder binder) {
        LenientNumberEditor.register(binder);
    }

    /**
     * The query's parameters are the components of {@link ListParams}; any other is
     * ignored.
     */
    @GetMapping("/accounts/{accountId}/widgets")
    String list(@PathVariable AccountId accountId, @ModelAttribute ListParams params, SignedInUser viewer,
            HtmxRequest htmx, HtmxResponse htmxResponse, Model model) {
        ListView view = new ListView(params,
                widgets.list(viewer, accountId, params.toQuery(), params.toSettingFilter()),
                WidgetPaths.list(accountId));
        model.addAttribute("view", view);
        model.addAttribute("rows", WidgetRow.of(view.page().widgets(), accountId, times, labels));
        // The rows whose widget was changed outside, nobody having kept or reverted it.
        model.addAttribute("changedOutside",
                widgets.changedOutside(viewer, accountId, view.page().widgets().stream().map(Widget::sitekey).toList())
                    .keySet()
                    .stream()
                    .map(Sitekey::value)
                    .collect(Collectors.toSet()));
        // One URL answers with the page or, for htmx, the fragment (htmx-spring-boot adds
        // the Vary:
        // HX-Request that keeps caches from mixing them up). A history restore wants the
        // whole page.
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            // The address bar shows the list's state in its shortest form, ready to
            // share; htmx-spring-boot
            // puts the context path in front.
            htmxResponse.setPushUrl(view.currentUrl());
            return "widgets/list :: results";
        }
        return "widgets/list";
    }

}
