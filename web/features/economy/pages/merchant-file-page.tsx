import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Spin, Statistic, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { downloadFile, errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { useMerchantFile } from "../api/console.ts";

function Section({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  const { t } = useTranslation("economy");
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {items.length ? (
        <List size="small" dataSource={items} renderItem={(i) => <List.Item>{i}</List.Item>} />
      ) : (
        <Empty description={t("console.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** 一户一档: everything about one merchant on one page, and its PDF. */
export default function MerchantFilePage() {
  const { t } = useTranslation(["economy", "caring", "events", "night-market"]);
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const file = useMerchantFile(id);
  const [busy, setBusy] = useState(false);
  const f = file.data;
  if (file.isPending) return <Spin />;
  if (file.isError || !f) return <Alert type="error" showIcon title={errorMessage(file.error)} />;
  const m = f.merchant;
  const pdf = async () => {
    setBusy(true);
    try {
      await downloadFile(`/api/merchants/${id}/file.pdf`, undefined, `merchant-file-${id}.pdf`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Card style={{ marginBottom: 12 }}>
        <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap" }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="file-name">
            {`${t("console.fileTitle")} · ${m.name}`}
          </Typography.Title>
          <Tag>{t(`common:enum.category.${m.category}`)}</Tag>
          <Tag color={m.status === "open" ? "green" : "orange"}>{t(`common:enum.merchantStatus.${m.status}`)}</Tag>
          <div style={{ flex: 1 }} />
          <Button icon={<FilePdfOutlined />} onClick={pdf} loading={busy} data-testid="file-pdf">
            {t("console.pdf")}
          </Button>
        </div>
        <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t("console.operator")}>{m.operatorName}</Descriptions.Item>
          <Descriptions.Item label={t("console.stalls")}>{f.stalls.map((s) => s.code).join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item
            label={t("console.licence")}
          >{`${m.licenceValidFrom ?? "—"} ~ ${m.licenceValidTo ?? t("console.noEnd")}`}</Descriptions.Item>
        </Descriptions>
        <Space size={48} style={{ marginTop: 12 }}>
          <Statistic title={t("console.reliefReceived")} value={formatYuan(f.reliefFen)} />
          <Statistic title={t("console.consumptionReceived")} value={formatYuan(f.consumption.confirmedFen)} />
          <Statistic title={t("console.consumptionPending")} value={formatYuan(f.consumption.pendingFen)} />
        </Space>
      </Card>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
        <div>
          <Section
            title={t("menu.relief")}
            testId="file-relief"
            items={f.relief.map(
              (r) => `${r.policyTitle} · ${t(`reliefStatus.${r.status}`)} · ${formatYuan(r.disbursedFen ?? r.requestedFen)}`,
            )}
          />
          <Section
            title={t("menu.consumption")}
            testId="file-consumption"
            items={f.consumption.purchases
              .slice(0, 10)
              .map((p) => `${p.purchasedOn} · ${p.enterpriseName} · ${formatYuan(p.amountFen)} · ${t(`purchaseStatus.${p.status}`)}`)}
          />
          <Section
            title={t("console.statusHistory")}
            testId="file-status"
            items={f.statusHistory.map(
              (h) => `${formatDate(h.at)} · ${t(`common:enum.merchantStatus.${h.toStatus}`)}${h.reason ? ` · ${h.reason}` : ""}`,
            )}
          />
        </div>
        <div>
          <Section
            title={t("console.problems")}
            testId="file-problems"
            items={f.problems.map((p) => `${formatDate(p.createdAt)} · ${p.code} · ${p.title}`)}
          />
          <Section
            title={t("console.findings")}
            testId="file-findings"
            items={f.findings.map((x) => `${formatDate(x.createdAt)} · ${x.summary}`)}
          />
          <Section
            title={t("console.caringShop")}
            testId="file-caring"
            items={
              f.caringShop
                ? [`${t(`caring:shopStatus.${f.caringShop.status}`)}${f.caringShop.plaqueDate ? ` · ${f.caringShop.plaqueDate}` : ""}`]
                : []
            }
          />
          <Section
            title={t("console.consultations")}
            testId="file-redshield"
            items={f.consultations.map((c) => `${c.date} · ${c.summary}`)}
          />
          <Section title={t("console.counter")} testId="file-counter" items={f.counterRequests.map((r) => `${r.date} · ${r.itemName}`)} />
          <Section
            title={t("console.events")}
            testId="file-events"
            items={f.events.map(
              (e) =>
                `${formatDate(e.startsAt)} · ${e.title}（${t(`events:kind.${e.kind}`)}，${t(`events:status.${e.status}`)}）${
                  e.takingsDays ? ` · ${t("console.takingsDays", { days: e.takingsDays })}` : ""
                }`,
            )}
          />
          <Section
            title={t("console.nightMarket")}
            testId="file-night-market"
            items={f.nightMarket.map((n) =>
              t("console.nightMarketLine", {
                season: n.seasonName,
                from: n.startsOn,
                to: n.endsOn,
                status: t(`night-market:applicationStatus.${n.applicationStatus}`),
                nights: n.nights,
                takings: formatYuan(n.takingsFen),
                incidents: n.incidents,
              }),
            )}
          />
        </div>
      </div>
    </div>
  );
}
