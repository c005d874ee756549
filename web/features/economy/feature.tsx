import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

const icons = {
  relief: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z" />
      <path d="M9 12l2 2 4-4" />
    </svg>
  ),
  operating: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M4 10h16v10H4zM3 10l2-6h14l2 6" />
      <path d="M9 20v-5h6v5" />
    </svg>
  ),
  purchases: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M4 5h2l2 10h10l2-7H7" />
      <circle cx="10" cy="19" r="1.5" />
      <circle cx="17" cy="19" r="1.5" />
    </svg>
  ),
};

/**
 * 商户经济 on the merchant's phone: the open policies and their applications, and the directed-consumption purchases
 * to confirm; in the console, the policies with their coverage, the relief applications and their steps, the
 * directed-consumption ranking and import, the funding ledger, and the merchant file (一户一档).
 */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "economyPolicies",
      path: "/economy/policies",
      action: "economy.read",
      group: "economy",
      order: 360,
      label: "economy:menu.policies",
    },
    { key: "economyRelief", path: "/economy/relief", action: "economy.read", group: "economy", order: 362, label: "economy:menu.relief" },
    {
      key: "economyConsumption",
      path: "/economy/consumption",
      action: "economy.read",
      group: "economy",
      order: 364,
      label: "economy:menu.consumption",
    },
    { key: "economyMap", path: "/economy/map", action: "economy.read", group: "economy", order: 368, label: "economy:menu.map" },
    { key: "economyLedger", path: "/economy/ledger", action: "economy.read", group: "economy", order: 366, label: "economy:menu.ledger" },
  ],
  routes: [
    { path: "economy/policies", action: "economy.read", page: lazy(() => import("./pages/policies-page.tsx")) },
    { path: "economy/relief", action: "economy.read", page: lazy(() => import("./pages/relief-page.tsx")) },
    { path: "economy/consumption", action: "economy.read", page: lazy(() => import("./pages/consumption-page.tsx")) },
    { path: "economy/ledger", action: "economy.read", page: lazy(() => import("./pages/ledger-page.tsx")) },
    { path: "economy/map", action: "economy.read", page: lazy(() => import("./pages/map-page.tsx")) },
    { path: "merchant-files/:id", action: "economy.read", page: lazy(() => import("./pages/merchant-file-page.tsx")) },
  ],
  mobileRoutes: [
    { path: "/relief", page: lazy(() => import("./mobile/relief-page.tsx")) },
    { path: "/purchases", page: lazy(() => import("./mobile/purchases-page.tsx")) },
    { path: "/operating", page: lazy(() => import("./mobile/operating-page.tsx")) },
    // The public page of the station's funds and their use (no sign-in; ?stationId= names the station).
    { path: "/funds", page: lazy(() => import("./mobile/funds-page.tsx")), public: true },
  ],
  mobileEntries: [
    { key: "relief", path: "/relief", icon: icons.relief, action: "economy.merchant", label: "economy:entry.relief" },
    { key: "purchases", path: "/purchases", icon: icons.purchases, action: "economy.merchant", label: "economy:entry.purchases" },
    { key: "operating", path: "/operating", icon: icons.operating, action: "economy.merchant", label: "economy:entry.operating" },
  ],
};
