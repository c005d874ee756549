import { BulbOutlined, GiftOutlined, ProjectOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The lists feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "needs", path: "/needs", action: "need.read", group: "governance", icon: <BulbOutlined />, order: 70 },
    { key: "offers", path: "/offers", action: "offer.read", group: "governance", icon: <GiftOutlined />, order: 80 },
    { key: "projects", path: "/projects", action: "project.read", group: "governance", icon: <ProjectOutlined />, order: 90 },
  ],
  routes: [
    { path: "needs", action: "need.read", page: lazy(() => import("./pages/needs-page.tsx")) },
    { path: "offers", action: "offer.read", page: lazy(() => import("./pages/offers-page.tsx")) },
    { path: "projects", action: "project.read", page: lazy(() => import("./pages/projects-page.tsx")) },
    { path: "projects/:id", action: "project.read", page: lazy(() => import("./pages/project-detail-page.tsx")) },
  ],
};
