import { DesktopOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** 大屏管理: the big screen's kiosk tokens (created for a station or the district, shown once with a QR code, revoked). */
export const feature: ConsoleFeature = {
  sections: [
    {
      key: "screen",
      path: "/screen-tokens",
      action: "kiosk.manage",
      group: "settings",
      icon: <DesktopOutlined />,
      order: 396,
      label: "screen:menu.screen",
    },
  ],
  routes: [{ path: "screen-tokens", action: "kiosk.manage", page: lazy(() => import("./pages/kiosk-tokens-page.tsx")) }],
};
