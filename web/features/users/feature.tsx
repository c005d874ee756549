import { TeamOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The users feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [{ key: "users", path: "/users", action: "user.read", group: "settings", icon: <TeamOutlined />, order: 320 }],
  routes: [{ path: "users", action: "user.read", page: lazy(() => import("./pages/users-page.tsx")) }],
};
