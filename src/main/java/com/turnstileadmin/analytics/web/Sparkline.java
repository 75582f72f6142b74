package com.turnstileadmin.analytics.web;

import com.turnstileadmin.analytics.WidgetTrend;
import java.util.List;
import java.util.Locale;

/**
 * A trend as the points of an SVG polyline in a 100 × 24 box, drawn on the server: the
 * list's cells need no script, and each is one small element.
 */
final class Sparkline {

    static final int WIDTH = 100;

    static final int HEIGHT = 24;

    private Sparkline() {
    }

    /**
     * "0,24 4.3,20 …", the highest hour at the top; a flat line at the bottom for none.
     */
    static String points(WidgetTrend trend) {
        List<Long> values = trend.issuedPerHour();
        if (values.isEmpty()) {
            return "";
        }
        long peak = Math.max(1, trend.peak());
        StringBuilder points = new StringBuilder();
        double step = values.size() == 1 ? 0 : (double) WIDTH / (values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            double y = HEIGHT - 1 - (HEIGHT - 2) * (double) values.get(i) / peak;
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", i * step, y));
        }
        return points.toString();
    }

}
