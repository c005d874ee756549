import { ApartmentOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The alliance-units feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "allianceUnits", path: "/alliance-units", action: "unit.read", group: "registry", icon: <ApartmentOutlined />, order: 310 },
  ],
  routes: [{ path: "alliance-units", action: "unit.read", page: lazy(() => import("./pages/alliance-units-page.tsx")) }],
};
