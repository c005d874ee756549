import { Card, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCan } from "../../../app/session.tsx";
import { DeskTab } from "../components/desk-tab.tsx";
import { InventoryTab } from "../components/inventory-tab.tsx";
import { LoansTab } from "../components/loans-tab.tsx";

const tabs = ["inventory", "desk", "loans"] as const;

/** 便民物品: the inventory with its labels, the lend/return desk, and the loans. */
export default function LendingPage() {
  const { t } = useTranslation("lending");
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const available = tabs.filter((k) => k !== "desk" || can("lending.manage"));
  const tab = available.find((k) => k === params.get("tab")) ?? (can("lending.manage") ? "desk" : "inventory");
  return (
    <div>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
          {t("subtitle")}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={available.map((k) => ({ key: k, label: <span data-testid={`lending-tab-${k}`}>{t(`tab.${k}`)}</span> }))}
          style={{ marginBottom: 0 }}
        />
      </Card>
      {tab === "inventory" && <InventoryTab />}
      {tab === "desk" && <DeskTab />}
      {tab === "loans" && <LoansTab />}
    </div>
  );
}
