import { AreaChartOutlined, CalendarOutlined, EnvironmentOutlined, FlagOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";
import { useStageTile, useTakingsTile } from "./mobile/badges.ts";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

const icons = {
  events: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4M9 15l2 2 4-4" />
    </svg>
  ),
  takings: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M4 19V5M4 19h16M8 15l3-4 3 2 4-6" />
    </svg>
  ),
  stage: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M3 4h18M5 4v6a7 7 0 0 0 14 0V4M3 20h18M8 20v-3h8v3" />
    </svg>
  ),
};

/** 活动与百姓大舞台: events and promotions, the stage, environment campaigns and their figures; the phone's sign-up, takings and stage booking. */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "events",
      path: "/events",
      action: "event.read",
      group: "activities",
      icon: <FlagOutlined />,
      order: 340,
      label: "events:menu.events",
    },
    {
      key: "stage",
      path: "/stage",
      action: "event.read",
      group: "activities",
      icon: <CalendarOutlined />,
      order: 342,
      label: "events:menu.stage",
    },
    {
      key: "environment",
      path: "/environment",
      action: "event.read",
      group: "activities",
      icon: <EnvironmentOutlined />,
      order: 344,
      label: "events:menu.environment",
    },
    {
      key: "eventFigures",
      path: "/event-figures",
      action: "event.read",
      group: "activities",
      icon: <AreaChartOutlined />,
      order: 346,
      label: "events:menu.figures",
    },
  ],
  routes: [
    { path: "events", action: "event.read", page: lazy(() => import("./pages/events-page.tsx")) },
    { path: "events/:id", action: "event.read", page: lazy(() => import("./pages/event-page.tsx")) },
    { path: "stage", action: "event.read", page: lazy(() => import("./pages/stage-page.tsx")) },
    { path: "environment", action: "event.read", page: lazy(() => import("./pages/environment-page.tsx")) },
    { path: "event-figures", action: "event.read", page: lazy(() => import("./pages/figures-page.tsx")) },
  ],
  mobileRoutes: [
    { path: "/events", page: lazy(() => import("./mobile/events-page.tsx")) },
    { path: "/promotion-takings", page: lazy(() => import("./mobile/takings-page.tsx")) },
    { path: "/stage-booking", page: lazy(() => import("./mobile/stage-page.tsx")) },
  ],
  mobileEntries: [
    { key: "events", path: "/events", icon: icons.events, action: "event.join", label: "events:entry.events" },
    {
      key: "promotionTakings",
      path: "/promotion-takings",
      icon: icons.takings,
      action: "event.join",
      label: "events:entry.takings",
      useBadge: useTakingsTile,
    },
    {
      key: "stageBooking",
      path: "/stage-booking",
      icon: icons.stage,
      action: "event.join",
      label: "events:entry.stage",
      useBadge: useStageTile,
    },
  ],
};
