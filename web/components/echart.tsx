import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { reducedMotion } from "../app/motion.ts";

// The bar and pie pieces the console's charts share (a chart needing more registers it, as the scorecard's line does); loaded lazily, so ECharts stays out of the first bundle.
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface EChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
}

export default function EChart({
  option,
  height = 280,
  testId,
  onClick,
  label,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  testId?: string;
  /** A click on a bar or slice (a chart whose rows open the records behind them). */
  onClick?: (item: EChartClick) => void;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on("click", (p) => click.current?.(p as unknown as EChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Bars and slices drawn at their values at once for a person who asked for less motion.
    chart.current?.setOption(reducedMotion ? { ...option, animation: false } : option, true);
  }, [option]);

  return (
    <div
      ref={element}
      style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }}
      data-testid={testId}
      {...(label ? { role: "img", "aria-label": label } : {})}
    />
  );
}
