import { ExclamationCircleOutlined, TagsOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** The problems feature's console sections (menu entries, in menu order) and pages. */
export const feature: ConsoleFeature = {
  sections: [
    { key: "problems", path: "/problems", action: "problem.read", group: "governance", icon: <ExclamationCircleOutlined />, order: 50 },
    {
      key: "problemCategories",
      path: "/problem-categories",
      action: "category.manage",
      group: "governance",
      icon: <TagsOutlined />,
      order: 60,
    },
  ],
  routes: [
    { path: "problems", action: "problem.read", page: lazy(() => import("./pages/problems-page.tsx")) },
    { path: "problems/:id", action: "problem.read", page: lazy(() => import("./pages/problem-detail-page.tsx")) },
    { path: "problem-categories", action: "category.manage", page: lazy(() => import("./pages/categories-page.tsx")) },
  ],
};
