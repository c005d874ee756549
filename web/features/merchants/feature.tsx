import { ShopOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The merchants feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "merchants", path: "/merchants", action: "merchant.read", group: "registry", icon: <ShopOutlined />, order: 20 }],
  routes: [
    { path: "merchants", action: "merchant.read", page: lazy(() => import("./pages/merchants-page.tsx")) },
    { path: "merchants/:id", action: "merchant.read", page: lazy(() => import("./pages/merchant-detail-page.tsx")) },
  ],
};
