// Draws each chart box (data-chart) from the table its data-chart-table names, with uPlot: the table is what the
// server sends and stays on the page, for screen readers and for copying; the chart is only a picture of it. Times
// are the viewer's, as uPlot draws them, with UTC in the legend beside them. Redrawn when htmx swaps a panel in,
// and resized with its box.
(function () {
    "use strict";

    var HEIGHT = 220;

    var SERIES = [
        { key: "issued", label: "Issued", colour: "--ta-chart-issued" },
        { key: "solved", label: "Solved", colour: "--ta-chart-solved" },
        { key: "invalid", label: "Tokens invalid", colour: "--ta-chart-invalid" }
    ];

    function two(n) {
        return (n < 10 ? "0" : "") + n;
    }

    function when(seconds) {
        var date = new Date(seconds * 1000);
        var local = date.toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit",
            minute: "2-digit", hourCycle: "h23" });
        return local + " (" + two(date.getUTCHours()) + ":" + two(date.getUTCMinutes()) + " UTC)";
    }

    // The axis in the app's 24-hour clock, the day under midnight; days alone over a month.
    function ticks(u, splits) {
        var span = splits.length > 1 ? splits[splits.length - 1] - splits[0] : 0;
        return splits.map(function (seconds) {
            var date = new Date(seconds * 1000);
            var day = date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
            if (span > 3 * 86400) {
                return day;
            }
            var clock = two(date.getHours()) + ":" + two(date.getMinutes());
            return date.getHours() === 0 && date.getMinutes() === 0 ? clock + "\n" + day : clock;
        });
    }

    function column(rows, key) {
        return rows.map(function (row) {
            return Number(row.dataset[key]);
        });
    }

    function draw(box) {
        if (box.dataset.drawn || typeof window.uPlot !== "function") {
            return;
        }
        var table = document.querySelector(box.dataset.chartTable);
        if (!table) {
            return;
        }
        var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-t]"));
        if (rows.length < 2) {
            return;
        }
        var style = getComputedStyle(box);
        var data = [column(rows, "t")].concat(SERIES.map(function (s) {
            return column(rows, s.key);
        }));
        var options = {
            width: Math.max(box.clientWidth, 200),
            height: HEIGHT,
            scales: { x: { time: true } },
            series: [{ label: "From", value: function (u, v) { return v == null ? "–" : when(v); } }]
                .concat(SERIES.map(function (s) {
                    return { label: s.label, stroke: style.getPropertyValue(s.colour).trim(), width: 2,
                        value: function (u, v) { return v == null ? "–" : v.toLocaleString(); } };
                })),
            axes: [
                { stroke: style.color, values: ticks,
                    grid: { stroke: style.getPropertyValue("--ta-chart-grid").trim() } },
                { stroke: style.color, grid: { stroke: style.getPropertyValue("--ta-chart-grid").trim() } }
            ]
        };
        var plot = new window.uPlot(options, data, box);
        box.dataset.drawn = "true";
        if (typeof ResizeObserver === "function") {
            new ResizeObserver(function () {
                if (box.isConnected) {
                    plot.setSize({ width: Math.max(box.clientWidth, 200), height: HEIGHT });
                }
            }).observe(box);
        }
    }

    function drawIn(root) {
        Array.prototype.forEach.call(root.querySelectorAll("[data-chart]"), draw);
    }

    document.addEventListener("DOMContentLoaded", function () {
        drawIn(document);
    });
    // The whole page: a panel swapped in by outerHTML is no longer the event's target, and a chart drawn is skipped.
    document.addEventListener("htmx:afterSettle", function () {
        drawIn(document);
    });
})();
