import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The duty feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "dutyRoster", path: "/services/roster", action: "duty.read", group: "station", order: 270 },
    { key: "redShield", path: "/services/red-shield", action: "redshield.read", group: "station", order: 280 },
  ],
  routes: [
    { path: "services/roster", action: "duty.read", page: lazy(() => import("./pages/roster-page.tsx")) },
    { path: "services/red-shield", action: "redshield.read", page: lazy(() => import("./pages/red-shield-page.tsx")) },
    { path: "services/red-shield/:id", action: "redshield.read", page: lazy(() => import("./pages/red-shield-session-page.tsx")) },
  ],
};
