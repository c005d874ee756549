import { Button, Dialog, DotLoading, ErrorBlock, List, NoticeBar, Popup, Selector, Tag, TextArea, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { weekdayOf } from "../../../contracts/calendar.ts";
import { type ConsultationTopic, consultationTopics } from "../../../contracts/duty.ts";
import { describeRule } from "../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../app/api-client.ts";
import { useBookSlot, useCancelBooking, useMyRedShield, usePlan } from "../../features/duty/api/red-shield.ts";
import type { MyRedShield } from "../../features/duty/api/types.ts";
import { PageShell } from "../page-shell.tsx";

type Upcoming = MyRedShield["upcoming"][number];

function BookingSheet({ target, onClose }: { target: { session: Upcoming; slot: string } | null; onClose: () => void }) {
  const { t } = useTranslation("duty");
  const [topic, setTopic] = useState<ConsultationTopic | null>(null);
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const book = useBookSlot();
  const close = () => {
    setTopic(null);
    setNote("");
    setFailure(null);
    onClose();
  };
  const submit = async () => {
    if (!target) return;
    if (!topic) {
      setFailure(t("m.pickTopic"));
      return;
    }
    setFailure(null);
    try {
      await book.mutateAsync({ sessionId: target.session.id, slot: target.slot, topic, note: note.trim() || null });
      Toast.show({ icon: "success", content: t("m.booked", { date: target.session.date, slot: target.slot }) });
      close();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Popup
      visible={target !== null}
      onMaskClick={close}
      bodyStyle={{
        borderTopLeftRadius: 12,
        borderTopRightRadius: 12,
        boxSizing: "border-box",
        padding: "16px 16px 24px",
        maxHeight: "85vh",
        overflowY: "auto",
      }}
    >
      {target && (
        <div data-testid="rs-book-sheet">
          <div style={{ fontSize: 18, fontWeight: 600, marginBottom: 4 }}>
            {t("m.bookTitle", {
              date: dayjs(target.session.date).format(t("dayFormat")),
              weekday: t(`weekday.${weekdayOf(target.session.date)}`),
              slot: target.slot,
            })}
          </div>
          <div className="dd-muted" style={{ fontSize: 14, marginBottom: 12 }}>
            {target.session.place}
          </div>
          {failure && <NoticeBar content={failure} color="error" wrap style={{ marginBottom: 12 }} data-testid="rs-book-error" />}
          <div style={{ fontWeight: 600, marginBottom: 8 }}>{t("m.topic")}</div>
          <Selector
            columns={2}
            value={topic ? [topic] : []}
            onChange={(v) => setTopic((v[0] as ConsultationTopic | undefined) ?? null)}
            options={consultationTopics.map((c) => ({ value: c, label: t(`topic.${c}`) }))}
            data-testid="rs-topic"
          />
          <div style={{ fontWeight: 600, margin: "16px 0 8px" }}>{t("m.note")}</div>
          <div style={{ background: "#f7f7f7", borderRadius: 6, padding: 8 }}>
            <TextArea value={note} onChange={setNote} maxLength={200} rows={3} showCount placeholder={t("m.notePlaceholder")} />
          </div>
          <Button
            block
            color="primary"
            size="large"
            style={{ marginTop: 16 }}
            loading={book.isPending}
            onClick={submit}
            data-testid="rs-book-confirm"
          >
            {t("m.confirmBooking")}
          </Button>
        </div>
      )}
    </Popup>
  );
}

/** 红盾驿站: a merchant sees the bureau's coming sessions, books a free slot with a topic, and reads their history. */
export default function RedShieldPage() {
  const { t } = useTranslation("duty");
  const mine = useMyRedShield();
  const plan = usePlan();
  const cancel = useCancelBooking();
  const [target, setTarget] = useState<{ session: Upcoming; slot: string } | null>(null);
  const data = mine.data;
  const p = plan.data?.plan;
  const live = (data?.bookings ?? []).filter(
    (b) => b.status === "booked" && b.sessionStatus === "scheduled" && b.date >= (data?.today ?? ""),
  );

  const cancelBooking = async (id: number, label: string) => {
    const ok = await Dialog.confirm({
      content: t("m.cancelConfirm", { label }),
      confirmText: t("m.cancelBooking"),
      cancelText: t("common:action.cancel"),
    });
    if (!ok) return;
    try {
      await cancel.mutateAsync(id);
      Toast.show({ icon: "success", content: t("m.cancelled") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  return (
    <PageShell title={t("m.title")}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <h1 style={{ fontSize: 22 }}>{t("m.heroTitle")}</h1>
        <p>
          {p
            ? t("m.heroSchedule", { unit: p.unitName, rule: describeRule(p.rule, currentLanguage()), start: p.startTime, end: p.endTime })
            : t("m.heroIntro")}
        </p>
        {p && <p style={{ marginTop: 4 }}>{p.place}</p>}
      </div>
      {mine.isError && <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />}
      {mine.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : data ? (
        <>
          {live.length > 0 && (
            <List header={t("m.myBookings")} mode="card" data-testid="rs-my-bookings">
              {live.map((b) => (
                <List.Item
                  key={b.id}
                  description={`${t(`topic.${b.topic}`)}${b.note ? ` · ${b.note}` : ""}`}
                  extra={
                    <Button size="small" fill="outline" color="danger" onClick={() => cancelBooking(b.id, `${b.date} ${b.slot}`)}>
                      {t("m.cancelBooking")}
                    </Button>
                  }
                >
                  <span style={{ fontWeight: 600 }} data-testid="rs-my-booking">
                    {`${dayjs(b.date).format(t("dayFormat"))} ${t(`weekday.${weekdayOf(b.date)}`)} ${b.slot}`}
                  </span>
                </List.Item>
              ))}
            </List>
          )}

          <div style={{ padding: "12px 16px 4px", fontWeight: 600, fontSize: 16 }}>{t("m.upcoming")}</div>
          {data.upcoming.length === 0 ? (
            <ErrorBlock status="empty" title={t("m.noSessions")} description="" />
          ) : (
            data.upcoming.map((s) => {
              const freeCount = s.slots.filter((x) => x.free).length;
              return (
                <List key={s.id} mode="card" data-testid={`rs-session-${s.id}`}>
                  <List.Item
                    description={`${s.startTime}–${s.endTime} · ${s.place}`}
                    extra={
                      s.myBooking ? (
                        <Tag color="success">{t("m.bookedSlot", { slot: s.myBooking.slot })}</Tag>
                      ) : (
                        <Tag color={freeCount > 0 ? "primary" : "default"} fill="outline">
                          {freeCount > 0 ? t("m.freeCount", { count: freeCount }) : t("m.full")}
                        </Tag>
                      )
                    }
                  >
                    <span style={{ fontWeight: 600 }}>
                      {`${dayjs(s.date).format(t("dayFormat"))} ${t(`weekday.${weekdayOf(s.date)}`)}`}
                      {s.date === data.today && ` · ${t("today")}`}
                    </span>
                  </List.Item>
                  <List.Item>
                    <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 8 }}>
                      {s.slots.map((slot) => {
                        const mineSlot = s.myBooking?.slot === slot.slot;
                        return (
                          <Button
                            key={slot.slot}
                            size="small"
                            color={mineSlot ? "success" : slot.free ? "primary" : "default"}
                            fill={mineSlot ? "solid" : "outline"}
                            disabled={!slot.free || s.myBooking !== null}
                            onClick={() => setTarget({ session: s, slot: slot.slot })}
                            data-testid={`rs-slot-${s.id}-${slot.slot}`}
                            style={{ fontSize: 15 }}
                          >
                            {slot.slot}
                            <div style={{ fontSize: 11, opacity: 0.9 }}>
                              {mineSlot ? t("m.mine") : slot.free ? t("m.free") : t("m.taken")}
                            </div>
                          </Button>
                        );
                      })}
                    </div>
                  </List.Item>
                </List>
              );
            })
          )}

          <List header={t("m.history")} mode="card" data-testid="rs-history">
            {data.history.length === 0 ? (
              <List.Item>
                <span className="dd-muted">{t("m.noHistory")}</span>
              </List.Item>
            ) : (
              data.history.map((c) => (
                <List.Item
                  key={c.id}
                  description={c.summary}
                  extra={
                    <Tag color={c.outcome === "solved" ? "success" : c.outcome === "follow_up" ? "warning" : "default"}>
                      {t(`outcome.${c.outcome}`)}
                    </Tag>
                  }
                >
                  {`${c.date} · ${t(`topic.${c.topic}`)}`}
                </List.Item>
              ))
            )}
          </List>
        </>
      ) : null}
      <BookingSheet target={target} onClose={() => setTarget(null)} />
    </PageShell>
  );
}
