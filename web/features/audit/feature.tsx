import { AuditOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The audit feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "audit", path: "/audit", action: "audit.read", group: "settings", icon: <AuditOutlined />, order: 330 }],
  routes: [{ path: "audit", action: "audit.read", page: lazy(() => import("./pages/audit-page.tsx")) }],
};
