import { BarChartOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The scorecard feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "scorecard", path: "/scorecard", action: "scorecard.read", group: "governance", icon: <BarChartOutlined />, order: 120 },
  ],
  routes: [{ path: "scorecard", action: "scorecard.read", page: lazy(() => import("./pages/scorecard-page.tsx")) }],
};
