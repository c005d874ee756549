import { Button, DotLoading, ErrorBlock, List, NoticeBar, Popup, SearchBar, Tabs, Tag, TextArea, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { weekdayOf } from "../../../contracts/calendar.ts";
import type { RequestStatus, ServiceItem } from "../../../contracts/counter.ts";
import { errorMessage } from "../../app/api-client.ts";
import { formatYuan } from "../../app/money.ts";
import { useBookService } from "../../features/counter/api/book.ts";
import { useBookableDays } from "../../features/counter/api/bookable-days.ts";
import { useServiceItems } from "../../features/counter/api/list-items.ts";
import { useMyServiceRequests } from "../../features/counter/api/my-requests.ts";
import { PageShell } from "../page-shell.tsx";

export const mobileStatusColour: Record<RequestStatus, string> = {
  booked: "primary",
  waiting: "warning",
  handling: "warning",
  forwarded: "#722ed1",
  done: "success",
  cancelled: "default",
  missed: "danger",
};

// The counter's weekday keys run 0 (Sunday) … 6.
const weekdayKey = (date: string) => `weekday.${weekdayOf(date) % 7}`;

/** One item: what to bring, the time limit, the fee, done on site or forwarded; then a day to book. */
function ItemSheet({ item, onClose }: { item: ServiceItem; onClose: () => void }) {
  const { t } = useTranslation("counter");
  const navigate = useNavigate();
  const days = useBookableDays(item.id);
  const book = useBookService();
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const submit = async () => {
    if (!date) return;
    try {
      const created = await book.mutateAsync({ itemId: item.id, date, note: note.trim() || null });
      Toast.show({ icon: "success", content: t("mobile.booked") });
      onClose();
      navigate(`/services/requests/${created.id}`);
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error), duration: 3000 });
      void days.refetch();
    }
  };
  return (
    <div style={{ padding: "16px 16px 24px", maxHeight: "85vh", overflowY: "auto" }} data-testid="item-sheet">
      <div style={{ fontSize: 19, fontWeight: 600, marginBottom: 6 }}>{item.name}</div>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginBottom: 12 }}>
        <Tag color="primary" fill="outline">
          {item.unitName}
        </Tag>
        <Tag color={item.handling === "on_site" ? "success" : "#722ed1"} fill="outline">
          {t(`handling.${item.handling}`)}
        </Tag>
      </div>
      <List mode="card" style={{ margin: "0 0 12px" }}>
        <List.Item extra={item.timeLimitDays === 0 ? t("timeLimit.immediate") : t("timeLimit.days", { count: item.timeLimitDays })}>
          {t("field.timeLimit")}
        </List.Item>
        <List.Item extra={item.feeFen === 0 ? t("fee.free") : formatYuan(item.feeFen)}>{t("field.fee")}</List.Item>
      </List>
      <div style={{ fontWeight: 600, margin: "4px 0 6px" }}>{t("mobile.bring")}</div>
      {item.materials.length === 0 ? (
        <div className="dd-muted" style={{ marginBottom: 8 }}>
          {t("catalogue.noMaterials")}
        </div>
      ) : (
        <ol style={{ margin: "0 0 8px", paddingLeft: 22, lineHeight: 1.7 }} data-testid="item-materials">
          {item.materials.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      )}
      {item.description && <p style={{ color: "#666", fontSize: 14, margin: "4px 0 12px" }}>{item.description}</p>}

      <div style={{ fontWeight: 600, margin: "12px 0 8px" }}>{t("mobile.pickDay")}</div>
      {days.isPending ? (
        <DotLoading color="primary" />
      ) : (days.data ?? []).length === 0 ? (
        <NoticeBar content={t("mobile.noDays")} color="alert" wrap />
      ) : (
        <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 8 }} data-testid="bookable-days">
          {(days.data ?? []).map((d) => {
            const chosen = d.date === date;
            return (
              <button
                type="button"
                key={d.date}
                data-testid={`day-${d.date}`}
                onClick={() => setDate(d.date)}
                style={{
                  border: `1px solid ${chosen ? "var(--adm-color-primary)" : "#e5e5e5"}`,
                  background: chosen ? "#fff1f0" : "#fff",
                  borderRadius: 8,
                  padding: "8px 4px",
                  textAlign: "center",
                  color: "#333",
                }}
              >
                <div style={{ fontWeight: 600 }}>{dayjs(d.date).format("MM-DD")}</div>
                <div style={{ fontSize: 13 }}>{t(weekdayKey(d.date))}</div>
                <div style={{ fontSize: 12, color: d.left <= 2 ? "#c8161d" : "#888" }}>{t("mobile.left", { count: d.left })}</div>
              </button>
            );
          })}
        </div>
      )}
      {date && (
        <div style={{ marginTop: 12 }}>
          <TextArea placeholder={t("mobile.notePlaceholder")} value={note} onChange={setNote} maxLength={500} rows={2} />
        </div>
      )}
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 16 }}
        disabled={!date}
        loading={book.isPending}
        onClick={submit}
        data-testid="book-submit"
      >
        {date ? t("mobile.bookOn", { date: dayjs(date).format("MM-DD"), weekday: t(weekdayKey(date)) }) : t("mobile.pickDayFirst")}
      </Button>
    </div>
  );
}

/** The items by department, in the order the departments first appear (the catalogue's own order). */
function byUnit(items: ServiceItem[]): [string, ServiceItem[]][] {
  const groups = new Map<string, ServiceItem[]>();
  for (const item of items) {
    const group = groups.get(item.unitName);
    if (group) group.push(item);
    else groups.set(item.unitName, [item]);
  }
  return [...groups];
}

function Catalogue() {
  const { t } = useTranslation("counter");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState<ServiceItem | null>(null);
  const items = useServiceItems({ page: 1, pageSize: 100, q: q || undefined });
  const list = items.data?.items ?? [];
  return (
    <div>
      <div style={{ padding: "12px 12px 4px" }}>
        <SearchBar placeholder={t("mobile.searchPlaceholder")} onSearch={setQ} onClear={() => setQ("")} data-testid="service-search" />
      </div>
      {items.isError && <ErrorBlock status="default" title={errorMessage(items.error)} description="" />}
      {items.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : list.length === 0 ? (
        <ErrorBlock status="empty" title={q ? t("common:emptySearch") : t("catalogue.empty")} description="" />
      ) : (
        // By department, as the counter's rota is: a resident looks for the office, then the matter.
        <div data-testid="service-items">
          {byUnit(list).map(([unitName, unitItems]) => (
            <List mode="card" header={unitName} key={unitName} style={{ margin: "8px 12px" }}>
              {unitItems.map((item) => (
                <List.Item
                  key={item.id}
                  onClick={() => setOpen(item)}
                  description={item.timeLimitDays === 0 ? t("timeLimit.immediate") : t("timeLimit.days", { count: item.timeLimitDays })}
                  extra={
                    item.feeFen === 0 ? <span style={{ color: "#237804", fontSize: 13 }}>{t("fee.free")}</span> : formatYuan(item.feeFen)
                  }
                  data-testid={`service-item-${item.code}`}
                >
                  {item.name}
                </List.Item>
              ))}
            </List>
          ))}
        </div>
      )}
      <Popup
        visible={open !== null}
        onMaskClick={() => setOpen(null)}
        onClose={() => setOpen(null)}
        bodyStyle={{ borderRadius: "12px 12px 0 0" }}
      >
        {open && <ItemSheet item={open} onClose={() => setOpen(null)} />}
      </Popup>
    </div>
  );
}

function MyRequests() {
  const { t } = useTranslation("counter");
  const navigate = useNavigate();
  const mine = useMyServiceRequests();
  const items = mine.data?.items ?? [];
  if (mine.isPending) {
    return (
      <div style={{ padding: 48, textAlign: "center" }}>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (mine.isError) return <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />;
  if (items.length === 0) return <ErrorBlock status="empty" title={t("mobile.noRequests")} description={t("mobile.noRequestsHint")} />;
  return (
    <List mode="card" data-testid="my-requests">
      {items.map((r) => (
        <List.Item
          key={r.id}
          onClick={() => navigate(`/services/requests/${r.id}`)}
          description={`${r.date}${r.shift ? ` ${r.shift.startTime}–${r.shift.endTime}` : ""}${r.queueNo ? ` · ${t("mobile.queueNo", { no: String(r.queueNo).padStart(3, "0") })}` : ""}`}
          extra={
            <span style={{ display: "inline-flex", flexDirection: "column", alignItems: "flex-end", gap: 4 }}>
              <Tag color={mobileStatusColour[r.status]}>{t(`status.${r.status}`)}</Tag>
              {r.status === "done" && !r.rating && (
                <Tag color="danger" fill="outline">
                  {t("mobile.toRate")}
                </Tag>
              )}
            </span>
          }
          data-testid={`my-request-${r.id}`}
        >
          {r.itemName}
        </List.Item>
      ))}
    </List>
  );
}

/** 办事预约: search the items this account may apply for, book a day a department is on duty, follow one's requests. */
export default function ServicesPage() {
  const { t } = useTranslation("counter");
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "mine" ? "mine" : "items";
  return (
    <PageShell title={t("mobile.title")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "mine" ? { tab: "mine" } : {}, { replace: true })}
        style={{ background: "#fff" }}
      >
        <Tabs.Tab title={t("mobile.tabItems")} key="items" />
        <Tabs.Tab title={t("mobile.tabMine")} key="mine" />
      </Tabs>
      {tab === "items" ? <Catalogue /> : <MyRequests />}
    </PageShell>
  );
}
