import { Button, Dialog, DotLoading, ErrorBlock, List, Tag, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../contracts/calendar.ts";
import { errorMessage } from "../../app/api-client.ts";
import { useConfirmDelivery } from "../../features/caring/api/confirm-delivery.ts";
import { useMealDay } from "../../features/caring/api/meal-day.ts";
import type { DeliveryDay } from "../../features/caring/api/types.ts";
import { PageShell } from "../page-shell.tsx";

type Item = DeliveryDay["items"][number];
const colour = { pending: "warning", delivered: "success", missed: "danger" } as const;

/** 爱心送餐: today's deliveries for the restaurant or volunteer, each confirmed delivered or not delivered. */
export default function MealsPage() {
  const { t } = useTranslation("caring");
  const today = stationDate(new Date());
  const day = useMealDay(today);
  const confirm = useConfirmDelivery();
  const items = day.data?.items ?? [];
  const pending = items.filter((i) => i.status === "pending").length;

  const mark = async (item: Item, status: "delivered" | "missed") => {
    if (status === "missed") {
      const ok = await Dialog.confirm({
        content: t("delivery.missedConfirm", { name: item.name }),
        confirmText: t("delivery.missed"),
        cancelText: t("common:action.cancel"),
      });
      if (!ok) return;
    }
    try {
      await confirm.mutateAsync({ recipientId: item.recipientId, date: today, status, note: null });
      Toast.show({ icon: "success", content: t(`delivery.done.${status}`, { name: item.name }) });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  return (
    <PageShell title={t("mobile.mealsTitle")}>
      <div className="dd-hero" style={{ padding: "14px 20px 18px" }}>
        <p>{today}</p>
        {day.data && <h1 style={{ fontSize: 20 }}>{t("mobile.mealsSummary", { total: items.length, pending })}</h1>}
      </div>
      {day.isError && <ErrorBlock status="default" title={errorMessage(day.error)} description="" />}
      {day.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 && !day.isError ? (
        <ErrorBlock status="empty" title={t("delivery.empty")} description="" />
      ) : (
        <div data-testid="meal-deliveries">
          {items.map((item) => (
            <List key={item.recipientId} mode="card">
              <List.Item
                description={item.address ?? "—"}
                extra={<Tag color={colour[item.status]}>{t(`delivery.status.${item.status}`)}</Tag>}
              >
                <span style={{ fontWeight: 600 }}>{item.name}</span>
                <span className="dd-muted" style={{ fontSize: 13 }}>
                  {" "}
                  · {item.providerName}
                </span>
              </List.Item>
              {item.status === "pending" ? (
                <List.Item>
                  <div style={{ display: "flex", gap: 12 }}>
                    <Button block color="success" onClick={() => mark(item, "delivered")} loading={confirm.isPending}>
                      {t("delivery.delivered")}
                    </Button>
                    <Button block color="danger" fill="outline" onClick={() => mark(item, "missed")}>
                      {t("delivery.missed")}
                    </Button>
                  </div>
                </List.Item>
              ) : (
                item.confirmedBy && (
                  <List.Item>
                    <span className="dd-muted" style={{ fontSize: 13 }}>
                      {t("mobile.confirmedBy", { name: item.confirmedBy, time: item.at ? dayjs(item.at).format("HH:mm") : "" })}
                    </span>
                  </List.Item>
                )
              )}
            </List>
          ))}
        </div>
      )}
    </PageShell>
  );
}
