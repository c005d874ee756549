import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";
import { useServedBadge } from "./mobile/served-badge.ts";

const stroke = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

/** Line icons as the phone's other tiles have them (emoji are missing from many phones' fonts). */
const icons = {
  activities: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z" />
      <path d="M9 11h6M12 8v6" />
    </svg>
  ),
  checkin: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
      <path d="M8 12l3 3 5-6" />
    </svg>
  ),
  served: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <path d="M7 11v8H4v-8zM7 12l4-7a2 2 0 0 1 3 2l-1 4h5a2 2 0 0 1 2 2l-2 5a2 2 0 0 1-2 1H7" />
    </svg>
  ),
  records: (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden {...stroke}>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2M9 2h6" />
    </svg>
  ),
};

/**
 * 志愿服务: the console's volunteers, teams and activity calendar (each section opened by the action its routes
 * need), the occurrence's page with its check-in screen, and the volunteer's phone pages.
 */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "volunteers",
      path: "/volunteers",
      action: "volunteer.read",
      group: "volunteers",
      order: 232,
      label: "volunteers:menu.volunteers",
    },
    {
      key: "volunteerTeams",
      path: "/volunteer-teams",
      action: "volunteer.read",
      group: "volunteers",
      order: 234,
      label: "volunteers:menu.teams",
    },
    {
      key: "volunteerActivities",
      path: "/volunteer-activities",
      action: "volunteer.read",
      group: "volunteers",
      order: 236,
      label: "volunteers:menu.activities",
    },
    {
      key: "volunteerRecords",
      path: "/volunteer-records",
      action: "volunteer.read",
      group: "volunteers",
      order: 238,
      label: "volunteers:menu.records",
    },
    {
      key: "volunteerFigures",
      path: "/volunteer-figures",
      action: "volunteer.read",
      group: "volunteers",
      order: 239,
      label: "volunteers:menu.figures",
    },
  ],
  routes: [
    { path: "volunteers", action: "volunteer.read", page: lazy(() => import("./pages/volunteers-page.tsx")) },
    { path: "volunteer-teams", action: "volunteer.read", page: lazy(() => import("./pages/teams-page.tsx")) },
    { path: "volunteer-activities", action: "volunteer.read", page: lazy(() => import("./pages/activities-page.tsx")) },
    { path: "volunteer-records", action: "volunteer.read", page: lazy(() => import("./pages/records-page.tsx")) },
    { path: "volunteer-figures", action: "volunteer.read", page: lazy(() => import("./pages/figures-page.tsx")) },
    { path: "volunteer-activities/:id", action: "volunteer.read", page: lazy(() => import("./pages/occurrence-page.tsx")) },
  ],
  mobileRoutes: [
    { path: "/volunteering", page: lazy(() => import("./mobile/activities-page.tsx")) },
    { path: "/volunteering/records", page: lazy(() => import("./mobile/records-page.tsx")) },
    // The address the organiser's QR code holds (the server's check-in code `url`).
    { path: "/volunteer-checkin", page: lazy(() => import("./mobile/checkin-page.tsx")) },
    { path: "/volunteer-served", page: lazy(() => import("./mobile/served-page.tsx")) },
  ],
  mobileEntries: [
    { key: "volunteering", path: "/volunteering", icon: icons.activities, action: "volunteer.join", label: "volunteers:entry.activities" },
    {
      key: "volunteerCheckin",
      path: "/volunteer-checkin",
      icon: icons.checkin,
      action: "volunteer.join",
      label: "volunteers:entry.checkin",
    },
    {
      key: "volunteerRecords",
      path: "/volunteering/records",
      icon: icons.records,
      action: "volunteer.join",
      label: "volunteers:entry.records",
    },
    {
      key: "volunteerServed",
      path: "/volunteer-served",
      icon: icons.served,
      action: "volunteer.join",
      label: "volunteers:entry.served",
      useBadge: useServedBadge,
    },
  ],
};
