import { FunnelChart as Funnel } from "echarts/charts";
import { LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Loaded lazily with the funnel page, so ECharts stays out of the first bundle.
echarts.use([Funnel, LegendComponent, TooltipComponent, CanvasRenderer]);

const colours = ["#fbe7b0", "#f6c453", "#e8853a", "#d9482b", "#a8071a"];

export default function FunnelChart({ data, height = 340 }: { data: { name: string; value: number }[]; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
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
      },
      true,
    );
  }, [data]);

  return <div ref={element} style={{ width: "100%", height }} data-testid="funnel-chart" />;
}
