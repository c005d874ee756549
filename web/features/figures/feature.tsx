import { FundOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The dictionary of figures (指标): every figure with its value for a scope and period, each a link to its records. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "figures", path: "/figures", action: "figure.read", icon: <FundOutlined />, order: 380, label: "figures:menu.figures" },
  ],
  routes: [{ path: "figures", action: "figure.read", page: lazy(() => import("./pages/figures-page.tsx")) }],
};
