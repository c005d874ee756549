import { Card, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCan } from "../../../app/session.tsx";
import { ReweighForm } from "../components/reweigh-form.tsx";
import { ReweighsTab } from "../components/reweighs-tab.tsx";
import { ScaleFigures } from "../components/scale-figures.tsx";

const tabs = ["record", "list", "figures"] as const;

/** 公平秤: record a shopper's re-weigh, the re-weighs with their outcome, and the figures. */
export default function FairScalePage() {
  const { t } = useTranslation("lending");
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const available = tabs.filter((k) => k !== "record" || can("scale.record"));
  const tab = available.find((k) => k === params.get("tab")) ?? available[0];
  return (
    <div>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("scale.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
          {t("scale.subtitle")}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={available.map((k) => ({ key: k, label: <span data-testid={`scale-tab-${k}`}>{t(`scale.tab.${k}`)}</span> }))}
          style={{ marginBottom: 0 }}
        />
      </Card>
      {tab === "record" && <ReweighForm />}
      {tab === "list" && <ReweighsTab />}
      {tab === "figures" && <ScaleFigures />}
    </div>
  );
}
