import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The caring feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "caringRounds", path: "/caring/rounds", action: "caring.read", group: "caring", order: 180 },
    { key: "caringCards", path: "/caring/cards", action: "caring.read", group: "caring", order: 190 },
    { key: "caringShops", path: "/caring/shops", action: "caring.read", group: "caring", order: 200 },
    { key: "caringRedemptions", path: "/caring/redemptions", action: "caring.read", group: "caring", order: 210 },
    { key: "caringMeals", path: "/caring/meals", action: "caring.read", group: "caring", order: 220 },
    { key: "caringFigures", path: "/caring/figures", action: "caring.read", group: "caring", order: 230 },
  ],
  routes: [
    { path: "caring/rounds", action: "caring.read", page: lazy(() => import("./pages/rounds-page.tsx")) },
    { path: "caring/rounds/:id", action: "caring.read", page: lazy(() => import("./pages/round-detail-page.tsx")) },
    { path: "caring/cards", action: "caring.read", page: lazy(() => import("./pages/cards-page.tsx")) },
    { path: "caring/shops", action: "caring.read", page: lazy(() => import("./pages/shops-page.tsx")) },
    { path: "caring/shops/:id", action: "caring.read", page: lazy(() => import("./pages/shop-detail-page.tsx")) },
    { path: "caring/redemptions", action: "caring.read", page: lazy(() => import("./pages/redemptions-page.tsx")) },
    { path: "caring/meals", action: "caring.read", page: lazy(() => import("./pages/meals-page.tsx")) },
    { path: "caring/figures", action: "caring.read", page: lazy(() => import("./pages/figures-page.tsx")) },
  ],
};
