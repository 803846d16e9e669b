// parindex provincial indices: an index's value over the years (with its national rank on a second, inverted
// axis) and its components over the years, drawn with the vendored ECharts. The data come from a
// <script type="application/json"> block (json_script); the tables beside the charts hold the same numbers for
// screen readers, printing and browsers without JavaScript.
"use strict";

(function () {
  function formatter(places) {
    return (value) =>
      value === null || value === undefined || value === "-"
        ? "—"
        : Number(value).toLocaleString("vi-VN", { minimumFractionDigits: places, maximumFractionDigits: places });
  }

  function values(series) {
    return series.values.map((value) => (value === null ? "-" : Number(value)));
  }

  function totalOption(data, format) {
    const series = [
      {
        type: "line",
        name: data.total.name,
        data: values(data.total),
        label: { show: true, formatter: (params) => format(params.value) },
      },
    ];
    const yAxis = [{ type: "value", scale: true, axisLabel: { formatter: (value) => format(value) } }];
    if (data.ranks.some((rank) => rank !== null)) {
      yAxis.push({ type: "value", name: "Xếp hạng", inverse: true, min: 1, minInterval: 1 });
      series.push({
        type: "bar",
        name: "Xếp hạng toàn quốc",
        yAxisIndex: 1,
        data: data.ranks.map((rank) => (rank === null ? "-" : rank)),
        label: { show: true, position: "insideBottom" },
      });
    }
    return { yAxis, series };
  }

  function componentsOption(data, format) {
    return {
      yAxis: [{ type: "value", scale: true, axisLabel: { formatter: (value) => format(value) } }],
      series: data.components.map((series) => ({
        type: "line",
        name: `${series.code}. ${series.name}`,
        data: values(series),
      })),
    };
  }

  function draw(element) {
    const source = document.getElementById(element.dataset.indexChart);
    if (!source || !window.echarts) {
      return;
    }
    const data = JSON.parse(source.textContent);
    if (!data.years.length || (element.dataset.kind === "total" && !data.total)) {
      return;
    }
    const format = formatter(data.places);
    const shape = element.dataset.kind === "total" ? totalOption(data, format) : componentsOption(data, format);
    const chart = window.echarts.init(element, null, { renderer: "canvas", locale: "VI" });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 56, top: 30, bottom: element.dataset.kind === "total" ? 50 : 110 },
      legend: { bottom: 0, type: "scroll" },
      // Rich text, not HTML: an HTML tooltip carries style attributes, which the CSP refuses.
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: data.years.map(String) },
      yAxis: shape.yAxis,
      series: shape.series,
    });
    element.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-index-chart]").forEach(draw);
  });
})();
