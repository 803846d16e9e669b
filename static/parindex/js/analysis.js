// Analysis pages: draws every <div data-chart="…"> with ECharts (vendored, Vietnamese locale) from the JSON
// that the page writes with json_script into #analysis-data. The tables beside the charts hold the same
// figures as text, so nothing depends on this script.
"use strict";

(() => {
  const source = document.getElementById("analysis-data");
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const places = data.places ?? 2;
  const format = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: places, maximumFractionDigits: places });
  const num = (value) => (value === null || value === undefined || value === "-" ? "—" : format.format(value));
  // Tooltips are HTML: unit names and titles go in escaped.
  const esc = (text) => window.echarts.format.encodeHTML(String(text));
  const NAVY = "#123c69";
  const ORANGE = "#d9822b";

  // Indices end at 100; the axis starts a little below the lowest value, so small differences still show.
  const percentAxis = () => ({
    type: "value", name: "%", max: 100,
    min: (range) => Math.max(0, Math.floor((range.min - 5) / 10) * 10),
  });
  const pointsAxis = (name) => ({ type: "value", name, nameLocation: "middle", nameGap: 28 });

  // Charts with one row per unit grow with the group, so a ward-level group of 170 stays readable.
  const tall = (element, rows) => {
    element.style.height = `${Math.max(320, rows * 26 + 110)}px`;
  };

  const countBars = (labels, counts, color) => ({
    tooltip: { trigger: "axis" },
    grid: { left: 48, right: 16, top: 32, bottom: 40, containLabel: true },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", minInterval: 1, name: "Số đơn vị" },
    series: [{ type: "bar", data: counts, itemStyle: { color }, label: { show: true, position: "top" } }],
  });

  const builders = {
    histogram: () => countBars(data.histogram.labels, data.histogram.counts, NAVY),
    bands: () => countBars(data.bands.labels, data.bands.counts, ORANGE),
    heatmap: (element) => {
      const heat = data.heatmap;
      tall(element, heat.units.length);
      return {
        tooltip: {
          formatter: (p) => `${esc(heat.units[p.value[1]])}<br>${esc(heat.titles[p.value[0]])}: ${num(p.value[2])}%`,
        },
        grid: { left: 8, right: 16, top: 16, bottom: 72, containLabel: true },
        xAxis: { type: "category", data: heat.fields, splitArea: { show: true } },
        yAxis: { type: "category", data: heat.units, inverse: true, splitArea: { show: true } },
        visualMap: {
          min: 0, max: 100, calculable: true, orient: "horizontal", left: "center", bottom: 8,
          inRange: { color: ["#c0392b", "#f4d03f", "#1e8449"] },
        },
        series: [{
          type: "heatmap",
          data: heat.values.map(([x, y, value]) => [x, y, value ?? "-"]),
          label: { show: true, formatter: (p) => num(p.value[2]) },
        }],
      };
    },
    weakest: (element) => {
      const weak = data.weakest;
      tall(element, weak.labels.length);
      return {
        tooltip: {
          trigger: "axis",
          formatter: ([p]) => `${esc(weak.labels[p.dataIndex])} ${esc(weak.titles[p.dataIndex])}: mất ${num(p.value)} điểm`,
        },
        grid: { left: 8, right: 48, top: 16, bottom: 40, containLabel: true },
        xAxis: pointsAxis("Điểm bị mất"),
        yAxis: { type: "category", data: weak.labels, inverse: true },
        series: [{ type: "bar", data: weak.lost, itemStyle: { color: "#c0392b" },
          label: { show: true, position: "right", formatter: (p) => num(p.value) } }],
      };
    },
    gaps: (element) => {
      const gaps = data.gaps;
      tall(element, gaps.units.length * 1.6);
      return {
        tooltip: { trigger: "axis", valueFormatter: num },
        legend: { top: 0 },
        grid: { left: 8, right: 48, top: 32, bottom: 40, containLabel: true },
        xAxis: pointsAxis("Điểm"),
        yAxis: { type: "category", data: gaps.units, inverse: true },
        series: [
          { name: "Tự chấm", type: "bar", data: gaps.self, itemStyle: { color: ORANGE } },
          { name: "Thẩm định (cuối cùng)", type: "bar", data: gaps.final, itemStyle: { color: NAVY } },
        ],
      };
    },
    trend: () => ({
      tooltip: { trigger: "axis", valueFormatter: (value) => `${num(value)}%` },
      grid: { left: 48, right: 24, top: 32, bottom: 32, containLabel: true },
      xAxis: { type: "category", data: data.trend.years },
      yAxis: percentAxis(),
      series: [{ name: "Chỉ số trung bình của nhóm", type: "line", data: data.trend.averages, itemStyle: { color: NAVY },
        label: { show: true, formatter: (p) => num(p.value) } }],
    }),
    radar: () => {
      const radar = data.radar;
      return {
        tooltip: {},
        legend: { bottom: 0 },
        radar: { indicator: radar.indicators, radius: "62%" },
        series: [{
          type: "radar",
          data: [
            { name: radar.unit_name, value: radar.unit, itemStyle: { color: NAVY }, areaStyle: { opacity: 0.2 } },
            { name: "Trung bình của nhóm", value: radar.average, itemStyle: { color: ORANGE } },
          ],
        }],
      };
    },
    unit_trend: () => ({
      tooltip: { trigger: "axis", valueFormatter: (value) => `${num(value)}%` },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32, containLabel: true },
      xAxis: { type: "category", data: data.unit_trend.years },
      yAxis: percentAxis(),
      series: [
        { name: "Chỉ số của đơn vị", type: "line", data: data.unit_trend.unit, itemStyle: { color: NAVY } },
        { name: "Trung bình của nhóm", type: "line", data: data.unit_trend.average, itemStyle: { color: ORANGE } },
      ],
    }),
  };

  const charts = [];
  document.querySelectorAll("[data-chart]").forEach((element) => {
    const build = builders[element.dataset.chart];
    if (!build) return;
    const option = build(element);
    const chart = window.echarts.init(element, null, { locale: "VI", renderer: "canvas" });
    chart.setOption(option);
    element.dataset.chartReady = "true";
    charts.push(chart);
  });
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
})();
