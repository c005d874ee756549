import { ApiOutlined, MessageOutlined, PhoneOutlined, SendOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

const bell = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    aria-hidden
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
    <path d="M10 20a2 2 0 0 0 4 0" />
  </svg>
);

/** 对接接口: the 12345 hotline's work orders (with the category map), and the integrating systems' API keys; on the phone, 消息通知 (SMS on or off, WeChat binding). */
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
    {
      key: "webhooks",
      path: "/interop/webhooks",
      action: "interop.manage",
      group: "settings",
      icon: <SendOutlined />,
      order: 374,
      label: "interop:menu.webhooks",
    },
    {
      key: "smsSettings",
      path: "/interop/sms",
      action: "user.manage",
      group: "settings",
      icon: <MessageOutlined />,
      order: 376,
      label: "interop:menu.sms",
    },
  ],
  mobileRoutes: [{ path: "/notify-settings", page: lazy(() => import("./mobile/notify-settings-page.tsx")) }],
  mobileEntries: [{ key: "notifySettings", path: "/notify-settings", icon: bell, label: "interop:entry.notify" }],
  routes: [
    { path: "interop/api-keys", action: "interop.manage", page: lazy(() => import("./pages/api-keys-page.tsx")) },
    { path: "interop/hotline", action: "problem.manage", page: lazy(() => import("./pages/hotline-page.tsx")) },
    { path: "interop/webhooks", action: "interop.manage", page: lazy(() => import("./pages/webhooks-page.tsx")) },
    { path: "interop/sms", action: "user.manage", page: lazy(() => import("./pages/sms-settings-page.tsx")) },
  ],
};
