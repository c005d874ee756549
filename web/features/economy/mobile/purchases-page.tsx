import { Button, DotLoading, ErrorBlock, List, Space, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { formatYuan } from "../../../app/money.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { useMyPurchases, useSettlePurchase } from "../api/mine.ts";

/** 定向消费: the purchases enterprises made at the merchant's shop; each counts once the merchant confirms it. */
export default function PurchasesPage() {
  const { t } = useTranslation("economy");
  const mine = useMyPurchases();
  const settle = useSettlePurchase();
  const run = async (id: number, event: "confirm" | "dispute") => {
    try {
      await settle.mutateAsync({ id, event });
      Toast.show({ icon: "success", content: t(event === "confirm" ? "m.confirmed" : "m.disputed") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  const data = mine.data;
  return (
    <PageShell title={t("entry.purchases")}>
      {mine.isError && <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />}
      {mine.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <p className="dd-muted" style={{ margin: "12px 16px 0", fontSize: 14, lineHeight: 1.6 }}>
            {t("m.purchasesIntro", { confirmed: formatYuan(data?.confirmedFen ?? 0), pending: formatYuan(data?.pendingFen ?? 0) })}
          </p>
          {(data?.items ?? []).length === 0 && <ErrorBlock status="empty" title={t("m.noPurchases")} description="" />}
          <List mode="card" data-testid="purchases-list">
            {(data?.items ?? []).map((p) => (
              <List.Item
                key={p.id}
                data-testid={`purchase-${p.id}`}
                description={`${formatDate(p.purchasedOn)} · ${t("m.invoice")} ${p.invoiceNo}`}
                extra={
                  p.status === "pending" ? (
                    <Space>
                      <Button
                        size="small"
                        color="primary"
                        loading={settle.isPending}
                        onClick={() => run(p.id, "confirm")}
                        data-testid={`purchase-confirm-${p.id}`}
                      >
                        {t("m.confirm")}
                      </Button>
                      <Button size="small" onClick={() => run(p.id, "dispute")}>
                        {t("m.dispute")}
                      </Button>
                    </Space>
                  ) : (
                    <Tag color={p.status === "confirmed" ? "success" : "warning"}>{t(`purchaseStatus.${p.status}`)}</Tag>
                  )
                }
              >
                <div style={{ fontWeight: 600 }}>{formatYuan(p.amountFen)}</div>
                <div style={{ fontSize: 14 }}>{p.enterpriseName}</div>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </PageShell>
  );
}
