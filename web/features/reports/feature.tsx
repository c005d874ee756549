import { FileWordOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** 报告: generated reports (the acceptance report, monthly reports, district summaries), their drafts and versions. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "reports", path: "/reports", action: "report.read", icon: <FileWordOutlined />, order: 390, label: "reports:menu.reports" },
  ],
  routes: [
    { path: "reports", action: "report.read", page: lazy(() => import("./pages/reports-page.tsx")) },
    { path: "reports/:id", action: "report.read", page: lazy(() => import("./pages/report-page.tsx")) },
  ],
};
