import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The counter feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "serviceCounter", path: "/services/counter", action: "service.handle", group: "station", order: 240 },
    { key: "serviceRequests", path: "/services/requests", action: "service.handle", group: "station", order: 250 },
    { key: "serviceCatalogue", path: "/services/catalogue", action: "service.read", group: "station", order: 260 },
  ],
  routes: [
    { path: "services/counter", action: "service.handle", page: lazy(() => import("./pages/counter-page.tsx")) },
    { path: "services/requests", action: "service.handle", page: lazy(() => import("./pages/requests-page.tsx")) },
    { path: "services/requests/:id", action: "service.handle", page: lazy(() => import("./pages/request-detail-page.tsx")) },
    { path: "services/catalogue", action: "service.read", page: lazy(() => import("./pages/catalogue-page.tsx")) },
  ],
};
