import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The lending feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "lending", path: "/services/lending", action: "lending.read", group: "station", order: 290 },
    { key: "fairScale", path: "/services/fair-scale", action: "scale.read", group: "station", order: 300 },
  ],
  routes: [
    { path: "services/lending", action: "lending.read", page: lazy(() => import("./pages/lending-page.tsx")) },
    { path: "services/fair-scale", action: "scale.read", page: lazy(() => import("./pages/fair-scale-page.tsx")) },
  ],
};
