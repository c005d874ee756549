import { ApartmentOutlined, BarChartOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/**
 * The district: its stations side by side on every comparable figure (for accounts reaching several stations), and
 * its org tree — streets, communities, stations — managed in the console, with each new station's onboarding checklist.
 */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "district",
      path: "/district",
      action: "figure.read",
      icon: <BarChartOutlined />,
      order: 386,
      label: "district:menu.compare",
      severalStations: true,
    },
    { key: "org", path: "/org", action: "org.manage", icon: <ApartmentOutlined />, order: 388, label: "district:menu.org" },
  ],
  routes: [
    { path: "district", action: "figure.read", page: lazy(() => import("./pages/compare-page.tsx")) },
    { path: "org", action: "org.manage", page: lazy(() => import("./pages/org-page.tsx")) },
  ],
};
