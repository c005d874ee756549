// The big screen's charts: a part's figure by month (bars) and the Party development funnel. Loaded lazily, after
// the first figures are drawn, through the shared EChart component; the funnel registers its piece here, as the
// scorecard's line does.
import { FunnelChart } from "echarts/charts";
import { TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { useMemo } from "react";
import type { ScreenSeries } from "../../contracts/screen.ts";
import EChart from "../components/echart.tsx";
import { chartValue, monthLabel } from "./format.ts";
import type { ScreenLang } from "./texts.ts";

echarts.use([FunnelChart, TitleComponent]);

/** The page's own fonts, so the charts' words read like the figures beside them. */
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

const AXIS = "#c9d1e0";
const GOLD = "#ffd666";
const RED = "#e8473f";

export function SeriesChart({ series, lang, height }: { series: ScreenSeries; lang: ScreenLang; height: number }) {
  const option = useMemo(() => {
    // The last twelve months.
    const points = series.points.slice(-12);
    return {
      animation: false,
      textStyle: { fontSize: 28, color: AXIS, fontFamily: FONT },
      grid: { left: 12, right: 16, top: 56, bottom: 8, containLabel: true },
      title: {
        text: series.name[lang],
        left: 0,
        top: 0,
        textStyle: { color: AXIS, fontSize: 28, fontWeight: "normal" },
      },
      xAxis: {
        type: "category",
        data: points.map((p) => monthLabel(p.key, lang)),
        axisLabel: { color: AXIS, fontSize: 28, interval: 1 },
        axisLine: { lineStyle: { color: "#4a5573" } },
        axisTick: { show: false },
      },
      yAxis: {
        type: "value",
        splitNumber: 3,
        axisLabel: { color: AXIS, fontSize: 28 },
        splitLine: { lineStyle: { color: "rgba(255,255,255,0.12)" } },
      },
      series: [
        {
          type: "bar",
          barMaxWidth: 28,
          data: points.map((p) => chartValue(p.value, series.unit)),
          itemStyle: { color: GOLD, borderRadius: [4, 4, 0, 0] },
        },
      ],
    };
  }, [series, lang]);
  return <EChart option={option} height={height} label={series.name[lang]} testId={`screen-chart-${series.id}`} />;
}

export function FunnelChartView({
  steps,
  title,
  height,
}: {
  steps: { name: string; value: number | null; shown: string }[];
  title: string;
  height: number;
}) {
  const option = useMemo(
    () => ({
      animation: false,
      textStyle: { fontFamily: FONT },
      title: { text: title, left: 0, top: 0, textStyle: { color: AXIS, fontSize: 28, fontWeight: "normal" } },
      series: [
        {
          type: "funnel",
          top: 52,
          bottom: 4,
          left: 0,
          width: "100%",
          sort: "none",
          gap: 6,
          minSize: "55%",
          // A stage diagram: each step narrower than the one before, its number written in it (a withheld
          // step, <3, keeps its place).
          data: steps.map((s, i) => ({ name: s.name, value: steps.length - i, shown: s.shown })),
          label: {
            show: true,
            position: "inside",
            fontSize: 28,
            color: "#fff",
            formatter: (p: { name: string; data: { shown: string } }) => `${p.name}  ${p.data.shown}`,
          },
          itemStyle: { borderWidth: 0 },
          color: [RED, "#c8161d", "#a8141a", "#861014"],
        },
      ],
    }),
    [steps, title],
  );
  return <EChart option={option} height={height} label={title} testId="screen-funnel" />;
}
