import { ApiOutlined, MessageOutlined, PhoneOutlined, SendOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { ConsoleFeature } from "../../app/feature.ts";

/** Sliders: settings (the messages' own tile, 消息, has the bell). */
const sliders = (
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
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </svg>
);

/** 对接接口: the 12345 hotline's work orders (with the category map), and the integrating systems' API keys; on the phone, 通知设置 (SMS on or off, WeChat binding). */
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
  mobileEntries: [{ key: "notifySettings", path: "/notify-settings", icon: sliders, label: "interop:entry.notify" }],
  routes: [
    { path: "interop/api-keys", action: "interop.manage", page: lazy(() => import("./pages/api-keys-page.tsx")) },
    { path: "interop/hotline", action: "problem.manage", page: lazy(() => import("./pages/hotline-page.tsx")) },
    { path: "interop/webhooks", action: "interop.manage", page: lazy(() => import("./pages/webhooks-page.tsx")) },
    { path: "interop/sms", action: "user.manage", page: lazy(() => import("./pages/sms-settings-page.tsx")) },
  ],
};
