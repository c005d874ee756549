import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The party feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "partyMembers", path: "/party/members", action: "party.read", group: "party", order: 130 },
    { key: "development", path: "/party/development", action: "development.read", group: "party", order: 140 },
    { key: "funnel", path: "/party/funnel", action: "development.read", group: "party", order: 150 },
    { key: "branchLife", path: "/party/branch-life", action: "party.read", group: "party", order: 160 },
    { key: "pioneers", path: "/party/pioneers", action: "party.read", group: "party", order: 170 },
  ],
  routes: [
    { path: "party/members", action: "party.read", page: lazy(() => import("./pages/members-page.tsx")) },
    { path: "party/development", action: "development.read", page: lazy(() => import("./pages/development-page.tsx")) },
    { path: "party/development/:id", action: "development.read", page: lazy(() => import("./pages/case-detail-page.tsx")) },
    { path: "party/funnel", action: "development.read", page: lazy(() => import("./pages/funnel-page.tsx")) },
    { path: "party/branch-life", action: "party.read", page: lazy(() => import("./pages/branch-life-page.tsx")) },
    { path: "party/pioneers", action: "party.read", page: lazy(() => import("./pages/pioneers-page.tsx")) },
  ],
};
