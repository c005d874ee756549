import { CarryOutOutlined, ScheduleOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The meetings feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "meetings", path: "/meetings", action: "meeting.read", group: "governance", icon: <ScheduleOutlined />, order: 100 },
    { key: "actionItems", path: "/action-items", action: "meeting.read", group: "governance", icon: <CarryOutOutlined />, order: 110 },
  ],
  routes: [
    { path: "meetings", action: "meeting.read", page: lazy(() => import("./pages/meetings-page.tsx")) },
    { path: "meetings/:id", action: "meeting.read", page: lazy(() => import("./pages/meeting-detail-page.tsx")) },
    { path: "action-items", action: "meeting.read", page: lazy(() => import("./pages/action-items-page.tsx")) },
  ],
};
