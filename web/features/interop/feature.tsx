import { ApiOutlined, PhoneOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** 对接接口: the 12345 hotline's work orders (with the category map), and the integrating systems' API keys. */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "hotline",
      path: "/interop/hotline",
      action: "problem.manage",
      group: "governance",
      icon: <PhoneOutlined />,
      order: 372,
      label: "interop:menu.hotline",
    },
    {
      key: "apiKeys",
      path: "/interop/api-keys",
      action: "interop.manage",
      group: "settings",
      icon: <ApiOutlined />,
      order: 370,
      label: "interop:menu.apiKeys",
    },
  ],
  routes: [
    { path: "interop/api-keys", action: "interop.manage", page: lazy(() => import("./pages/api-keys-page.tsx")) },
    { path: "interop/hotline", action: "problem.manage", page: lazy(() => import("./pages/hotline-page.tsx")) },
  ],
};
