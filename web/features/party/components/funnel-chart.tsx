import { FunnelChart as Funnel } from "echarts/charts";
import * as echarts from "echarts/core";
import { useMemo } from "react";
import EChart from "../../../components/echart.tsx";

// The funnel is registered beside the shared chart's pieces; loaded lazily with the funnel page, so ECharts stays
// out of the first bundle.
echarts.use([Funnel]);

const colours = ["#fbe7b0", "#f6c453", "#e8853a", "#d9482b", "#a8071a"];

export default function FunnelChart({ data, height = 340 }: { data: { name: string; value: number }[]; height?: number }) {
  const option = useMemo(
    () => ({
      color: colours,
      // The funnel's shape follows the stages' order (a later stage is narrower); the counts are the labels.
      tooltip: { trigger: "item", formatter: (p: { name: string; data: { count: number } }) => `${p.name}：${p.data.count}` },
      series: [
        {
          type: "funnel",
          sort: "none",
          left: "10%",
          width: "80%",
          top: 10,
          bottom: 10,
          minSize: "30%",
          gap: 4,
          label: {
            show: true,
            position: "inside",
            formatter: (p: { name: string; data: { count: number } }) => `${p.name}  ${p.data.count}`,
            color: "#1f1f1f",
            fontSize: 14,
          },
          data: data.map((d, i) => ({ name: d.name, value: data.length - i, count: d.value })),
        },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={height} testId="funnel-chart" />;
}
