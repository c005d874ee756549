import { AppstoreOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The stalls feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "stalls", path: "/stalls", action: "stall.read", group: "registry", icon: <AppstoreOutlined />, order: 30 }],
  routes: [{ path: "stalls", action: "stall.read", page: lazy(() => import("./pages/stalls-page.tsx")) }],
};
