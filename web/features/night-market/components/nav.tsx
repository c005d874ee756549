// The night market's pages, one tab each, so staff move between the season, tonight's board, reports, jobs and figures.
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";

const pages = [
  ["", "seasons"],
  ["/applications", "applications"],
  ["/board", "board"],
  ["/nights", "nights"],
  ["/incidents", "incidents"],
  ["/jobs", "jobs"],
  ["/figures", "figures"],
] as const;

export function NightMarketNav() {
  const { t } = useTranslation("night-market");
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pages.find(([p]) => p && pathname.endsWith(`/night-market${p}`))?.[0] ?? "";
  return (
    <Tabs
      activeKey={active || "seasons"}
      onChange={(key) => navigate(`/night-market${key === "seasons" ? "" : key}`)}
      items={pages.map(([path, key]) => ({ key: path || "seasons", label: <span data-testid={`nm-tab-${key}`}>{t(`menu.${key}`)}</span> }))}
      style={{ marginBottom: 8 }}
    />
  );
}
