import { Button, DotLoading, ErrorBlock, Form, Input, List, Selector, Tag, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fenOfYuanText } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatYuan } from "../../../app/money.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { type MyPromotion, useMyPromotions, useReportTakings } from "../api/mine.ts";

function PromotionCard({ p }: { p: MyPromotion }) {
  const { t } = useTranslation("events");
  const report = useReportTakings(p.id);
  const [date, setDate] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reported = new Map(p.takings.map((x) => [x.date, x.amountFen]));
  const days = [...p.baselineDates.map((d) => ({ d, role: "baseline" })), ...p.promotionDates.map((d) => ({ d, role: "promotion" }))];
  const submit = async () => {
    const fen = fenOfYuanText(amount);
    if (!date) return setError(t("m.takings.pickDay"));
    if (fen === null) return setError(t("m.takings.badAmount"));
    setError(null);
    try {
      await report.mutateAsync({ date, amountFen: fen });
      Toast.show({ icon: "success", content: t("m.takings.saved") });
      setAmount("");
    } catch (e) {
      Toast.show({ icon: "fail", content: errorMessage(e) });
    }
  };
  return (
    <div style={{ background: "#fff", margin: "12px 0", padding: "12px 16px" }} data-testid={`m-promotion-${p.id}`}>
      <div style={{ fontSize: 17, fontWeight: 600 }}>{p.title}</div>
      <div style={{ color: "#666", marginTop: 4 }}>
        {p.baselineKind ? t(`baseline.${p.baselineKind}`) : ""} · {t("m.takings.reported", { n: p.takings.length, total: days.length })}
      </div>
      <div style={{ marginTop: 12, marginBottom: 4 }}>{t("m.takings.day")}</div>
      <Selector
        columns={2}
        value={date ? [date] : []}
        onChange={(v) => setDate(v[0] ?? null)}
        options={days.map(({ d, role }) => ({
          value: d,
          label: `${d} ${t(`dayRole.${role}`)}`,
          description: reported.has(d) ? formatYuan(reported.get(d)) : t("m.takings.notYet"),
        }))}
        data-testid={`m-takings-days-${p.id}`}
      />
      <Form layout="horizontal" style={{ marginTop: 8 }}>
        <Form.Item
          label={t("m.takings.amount")}
          extra={<span style={{ color: "#999" }}>{t("m.takings.yuan")}</span>}
          help={error ?? undefined}
        >
          <Input inputMode="decimal" value={amount} onChange={setAmount} placeholder="0.00" data-testid={`m-takings-amount-${p.id}`} />
        </Form.Item>
      </Form>
      <Button block color="primary" loading={report.isPending} onClick={submit} data-testid={`m-takings-submit-${p.id}`}>
        {t("m.takings.submit")}
      </Button>
      {p.takings.length > 0 && (
        <List header={t("m.takings.mine")} style={{ marginTop: 12 }}>
          {p.takings.map((x) => (
            <List.Item key={x.id} extra={formatYuan(x.amountFen)}>
              {x.date} <Tag>{t(`dayRole.${x.dayRole}`)}</Tag>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** 促销营业额: a participating shop reports its takings for the promotion's baseline and promotion days. */
export default function TakingsPage() {
  const { t } = useTranslation("events");
  const promotions = useMyPromotions();
  return (
    <PageShell title={t("m.takings.title")}>
      <div style={{ padding: "12px 16px", color: "#666" }}>{t("m.takings.intro")}</div>
      {promotions.isPending ? (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : promotions.isError ? (
        <ErrorBlock status="default" title={errorMessage(promotions.error)} description="" />
      ) : promotions.data.length === 0 ? (
        <ErrorBlock status="empty" title={t("m.takings.none")} description="" />
      ) : (
        promotions.data.map((p) => <PromotionCard key={p.id} p={p} />)
      )}
    </PageShell>
  );
}
