// A report's charts: a figure's series drawn by ECharts on the server (SVG, no DOM) and turned into a PNG by resvg
// with Noto Sans SC, so the Chinese labels render the same on any machine. ECharts and resvg load on first use.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface ChartInput {
  title: string;
  /** The axis' categories (months, stations) and the values; null draws no bar. */
  labels: string[];
  values: (number | null)[];
  /** The values' unit as the axis names it (万元, 人次, 小时). */
  unit: string;
  kind: "bar" | "line";
}

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 420;

let fontFile: string | null = null;
const font = () => {
  if (!fontFile) {
    const require = createRequire(import.meta.url);
    fontFile = join(dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json")), "400Regular", "NotoSansSC_400Regular.ttf");
  }
  return fontFile;
};

/** The chart as SVG text (ECharts server-side rendering). */
export async function chartSvg(c: ChartInput): Promise<string> {
  const echarts = await import("echarts");
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: "Noto Sans SC" },
      title: { text: c.title, left: "center", top: 10, textStyle: { fontSize: 18, fontWeight: "normal", fontFamily: "Noto Sans SC" } },
      grid: { left: 70, right: 30, top: 70, bottom: 60 },
      xAxis: { type: "category", data: c.labels, axisLabel: { fontSize: 13, interval: 0, fontFamily: "Noto Sans SC" } },
      yAxis: { type: "value", name: c.unit, nameTextStyle: { fontSize: 13, fontFamily: "Noto Sans SC" }, axisLabel: { fontSize: 13 } },
      series: [
        {
          type: c.kind,
          data: c.values,
          itemStyle: { color: "#c8161d" },
          barMaxWidth: 40,
          label: { show: c.labels.length <= 12, position: "top", fontSize: 12, fontFamily: "Noto Sans SC" },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as a PNG, twice the SVG's size for print. resvg renders on libuv's thread pool (`renderAsync`), so
 * loading the 10 MB font and rasterising — most of a chart's time — do not hold up the server's other requests,
 * and a report's charts render side by side.
 */
export async function chartPng(c: ChartInput): Promise<Buffer> {
  const svg = await chartSvg(c);
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [font()], defaultFontFamily: "Noto Sans SC", sansSerifFamily: "Noto Sans SC" },
    fitTo: { mode: "width", value: CHART_WIDTH * 2 },
    background: "#ffffff",
  });
  return Buffer.from(image.asPng());
}
