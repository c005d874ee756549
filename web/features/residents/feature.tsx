import { IdcardOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The residents feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "residents", path: "/residents", action: "resident.read", group: "registry", icon: <IdcardOutlined />, order: 40 }],
  routes: [
    { path: "residents", action: "resident.read", page: lazy(() => import("./pages/residents-page.tsx")) },
    { path: "residents/:id", action: "resident.read", page: lazy(() => import("./pages/resident-detail-page.tsx")) },
  ],
};
