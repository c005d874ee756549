import {
  ClusterOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  DownOutlined,
  FlagOutlined,
  HeartOutlined,
  KeyOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Breadcrumb, Dropdown, Layout, Menu, Segmented, Spin } from "antd";
import { type ReactNode, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout } from "../features/auth/api/logout.ts";
import { ChangePasswordModal } from "../features/auth/components/change-password-modal.tsx";
import { NotificationBell } from "../features/notifications/components/notification-bell.tsx";
import { crumbFor, sectionFor, sections } from "./access.ts";
import { frameText } from "./i18n.ts";
import { useLanguage } from "./language.ts";
import { useMe } from "./session.tsx";
import { brand } from "./theme.ts";

/** Icons of the menu's group headings; a section's own icon comes with its feature's manifest. */
const groupIcons: Record<string, ReactNode> = {
  registry: <DatabaseOutlined />,
  governance: <ClusterOutlined />,
  party: <FlagOutlined />,
  caring: <HeartOutlined />,
  volunteers: <SmileOutlined />,
  activities: <ShopOutlined />,
  economy: <MoneyCollectOutlined />,
  station: <CustomerServiceOutlined />,
  settings: <SettingOutlined />,
};

const HEADER = 64;

export function PageFallback() {
  return (
    <div style={{ padding: 80, textAlign: "center" }}>
      <Spin />
    </div>
  );
}

export function ConsoleLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [language, setLanguage] = useLanguage();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const current = sectionFor(location.pathname);
  const stationName = me.stations.length === 1 ? me.stations[0].name : me.orgUnitName;

  // Grouped sections (党建) sit under one heading, placed where the group's first section is.
  type Item = { key: string; icon?: ReactNode; label: ReactNode; children?: Item[] };
  const items: Item[] = [];
  for (const s of sections.filter((one) => me.actions.includes(one.action) && (!one.severalStations || me.stations.length > 1))) {
    const text = frameText(t, s.label ?? `menu.${s.key}`);
    // A label too long for the menu ends in an ellipsis and shows whole on hover.
    const item = { key: s.path, icon: s.group ? undefined : s.icon, label: <span title={text}>{text}</span> };
    if (!s.group) {
      items.push(item);
      continue;
    }
    let group = items.find((i) => i.key === `group:${s.group}`);
    if (!group) {
      const heading = t(`menu.${s.group}`);
      group = { key: `group:${s.group}`, icon: groupIcons[s.group], label: <span title={heading}>{heading}</span>, children: [] };
      items.push(group);
    }
    group.children?.push(item);
  }
  const currentGroup = current?.group ? `group:${current.group}` : null;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  // Where the page sits: home, the menu group, the section, and 详情 on a record's own page (or the page's own name,
  // a tab below its section).
  const crumbs =
    current && current.path !== "/"
      ? [
          { key: "home", title: <Link to="/">{t("menu.home")}</Link> },
          ...(current.group ? [{ key: "group", title: t(`menu.${current.group}`) }] : []),
          {
            key: "section",
            title:
              location.pathname === current.path ? (
                frameText(t, current.label ?? `menu.${current.key}`)
              ) : (
                <Link to={current.path}>{frameText(t, current.label ?? `menu.${current.key}`)}</Link>
              ),
          },
          ...(location.pathname !== current.path ? [{ key: "detail", title: t(crumbFor(location.pathname) ?? "list.detail") }] : []),
        ]
      : [];

  const signOut = async () => {
    await logout.mutateAsync().catch(() => undefined);
    navigate("/login", { replace: true });
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{ display: "flex", alignItems: "center", gap: 16, color: "#fff", position: "sticky", top: 0, zIndex: 20, height: HEADER }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 10, minWidth: 0 }}>
          <span style={{ color: brand.gold, fontSize: 22 }} aria-hidden>
            ✿
          </span>
          <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: "nowrap" }}>{t("app.name")}</span>
          <span style={{ width: 1, height: 20, background: "rgba(255,255,255,0.35)" }} />
          <span data-testid="station-name" style={{ color: "#fbe7b0", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
            {stationName}
          </span>
        </div>
        <div style={{ flex: 1 }} />
        <Segmented
          size="small"
          value={language}
          options={[
            { label: "中文", value: "zh-CN" },
            { label: "EN", value: "en" },
          ]}
          onChange={(value) => setLanguage(value as "zh-CN" | "en")}
        />
        <NotificationBell />
        <Dropdown
          menu={{
            items: [
              { key: "role", label: t(`enum.role.${me.role}`), disabled: true },
              { type: "divider" },
              { key: "password", icon: <KeyOutlined />, label: t("action.changePassword") },
              { type: "divider" },
              { key: "logout", icon: <LogoutOutlined />, label: t("action.logout") },
            ],
            onClick: ({ key }) => {
              if (key === "password") setPasswordOpen(true);
              if (key === "logout") void signOut();
            },
          }}
        >
          <button
            type="button"
            data-testid="user-menu"
            style={{
              background: "transparent",
              border: 0,
              color: "#fff",
              cursor: "pointer",
              display: "flex",
              alignItems: "center",
              gap: 6,
              whiteSpace: "nowrap",
            }}
          >
            <UserOutlined />
            {me.displayName}
            <DownOutlined style={{ fontSize: 10 }} />
          </button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={232}
          breakpoint="lg"
          collapsedWidth={64}
          data-testid="side-menu"
          style={{
            borderRight: "1px solid #f0f0f0",
            position: "sticky",
            top: HEADER,
            height: `calc(100vh - ${HEADER}px)`,
            overflowY: "auto",
            overscrollBehavior: "contain",
          }}
        >
          <Menu
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          {crumbs.length > 0 && <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} data-testid="breadcrumb" />}
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
