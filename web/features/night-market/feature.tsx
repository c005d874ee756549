import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

const icons = {
  /** A stall's awning over a counter. */
  stall: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M3 9l2-5h14l2 5M3 9h18M3 9a3 3 0 0 0 6 0 3 3 0 0 0 6 0 3 3 0 0 0 6 0M5 12v8h14v-8M10 20v-5h4v5" />
    </svg>
  ),
  /** A moon and a lantern: tonight's market. */
  tonight: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z" />
    </svg>
  ),
};

const tabs = [
  ["applications", lazy(() => import("./pages/applications-page.tsx"))],
  ["board", lazy(() => import("./pages/board-page.tsx"))],
  ["nights", lazy(() => import("./pages/nights-page.tsx"))],
  ["incidents", lazy(() => import("./pages/incidents-page.tsx"))],
  ["jobs", lazy(() => import("./pages/jobs-page.tsx"))],
  ["figures", lazy(() => import("./pages/figures-page.tsx"))],
] as const;

/**
 * 夜市: the console's seasons and pitch map, applications and allocation, tonight's board, nightly reports,
 * incidents, the jobs register and the figures (one menu entry, tabs within); the operator's and the resident's
 * phone pages.
 */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "nightMarket",
      path: "/night-market",
      action: "nightmarket.read",
      group: "activities",
      icon: icons.stall,
      order: 350,
      label: "night-market:menu.title",
    },
  ],
  routes: [
    { path: "night-market", action: "nightmarket.read", page: lazy(() => import("./pages/seasons-page.tsx")) },
    // The tabs below it, each a page of its own, named in the breadcrumb by its tab's label.
    ...tabs.map(([key, page]) => ({
      path: `night-market/${key}`,
      action: "nightmarket.read" as const,
      page,
      crumb: `night-market:menu.${key}`,
    })),
  ],
  mobileRoutes: [
    { path: "/night-market", page: lazy(() => import("./mobile/operator-page.tsx")) },
    { path: "/night-market/tonight", page: lazy(() => import("./mobile/tonight-page.tsx")) },
  ],
  mobileEntries: [
    {
      key: "nightMarketOperator",
      path: "/night-market",
      icon: icons.stall,
      action: "nightmarket.operate",
      label: "night-market:entry.operator",
    },
    {
      key: "nightMarketTonight",
      path: "/night-market/tonight",
      icon: icons.tonight,
      action: "nightmarket.operate",
      label: "night-market:entry.tonight",
    },
  ],
};
