import { DataZoomComponent } from "echarts/components";
import * as echarts from "echarts/core";
import EChart from "../../../components/echart.tsx";

// The shared chart registers bars; a district's 200 stations need a zoom slider too.
echarts.use([DataZoomComponent]);

export default EChart;
