import { LineChart } from "echarts/charts";
import * as echarts from "echarts/core";
import EChart from "../../../components/echart.tsx";

// The home page's chart registers bars and pies; the unit history needs lines too.
echarts.use([LineChart]);

export default EChart;
