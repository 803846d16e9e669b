// parindex public portal: a unit's component indices beside its group's average, drawn with the vendored
// ECharts. The data come from a <script type="application/json"> block (json_script) rendered beside the
// chart; the table under the chart shows the same numbers for screen readers, printing and no-JS browsers.
"use strict";

(function () {
  const COLOURS = ["#123c69", "#d4a017"];

  function formatter(places) {
    return (value) =>
      value === null || value === undefined || value === "-"
        ? "—"
        : Number(value).toLocaleString("vi-VN", { minimumFractionDigits: places, maximumFractionDigits: places });
  }

  function radarOption(data, format) {
    return {
      indicator: data.labels.map((label, position) => ({ name: label, max: 100, text: data.titles[position] })),
      series: [
        {
          type: "radar",
          data: data.series.map((series) => ({
            name: series.name,
            value: series.values.map((value) => (value === null ? "-" : value)),
            label: { show: true, formatter: (params) => format(params.value) },
          })),
        },
      ],
    };
  }

  function barOption(data, format) {
    return {
      xAxis: { type: "category", data: data.labels },
      yAxis: { type: "value", max: 100 },
      series: data.series.map((series) => ({
        type: "bar",
        name: series.name,
        data: series.values.map((value) => (value === null ? "-" : value)),
        label: { show: true, position: "top", formatter: (params) => format(params.value) },
      })),
    };
  }

  function draw(element) {
    const source = document.getElementById(element.dataset.portalChart);
    if (!source || !window.echarts) {
      return;
    }
    const data = JSON.parse(source.textContent);
    const format = formatter(data.places);
    const shape = data.kind === "radar" ? radarOption(data, format) : barOption(data, format);
    const chart = window.echarts.init(element, null, { renderer: "canvas", locale: "VI" });
    const option = {
      color: COLOURS,
      animation: false,
      legend: { bottom: 0, data: data.series.map((series) => series.name) },
      // Rich text, not HTML: an HTML tooltip carries style attributes, which the CSP refuses.
      tooltip: { trigger: "item", renderMode: "richText", valueFormatter: format },
      series: shape.series,
    };
    if (shape.indicator) {
      option.radar = { indicator: shape.indicator, radius: "62%" };
    } else {
      option.xAxis = shape.xAxis;
      option.yAxis = shape.yAxis;
    }
    chart.setOption(option);
    element.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-portal-chart]").forEach(draw);
  });
})();
