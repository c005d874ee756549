import { ApiOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** 对接接口: the integrating systems' API keys (Open311), kept by the platform admin. */
export const feature: ConsoleFeature = {
  sections: [
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
  routes: [{ path: "interop/api-keys", action: "interop.manage", page: lazy(() => import("./pages/api-keys-page.tsx")) }],
};
