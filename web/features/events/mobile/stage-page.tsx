import { Button, DatePicker, Dialog, DotLoading, ErrorBlock, Form, Input, List, Picker, Selector, Space, Tag, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stationTime } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { type Booking, useCancelMyBooking, useMyStage, useRequestBooking } from "../api/stage.ts";

const times = Array.from({ length: 29 }, (_, i) => {
  const m = 8 * 60 + i * 30;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
});

/** 舞台预约: a team leader asks for the stage, once or as a weekly rehearsal; the station approves. */
export default function MobileStagePage() {
  const { t } = useTranslation("events");
  const stage = useMyStage();
  const request = useRequestBooking("/api/me/stage-bookings");
  const cancel = useCancelMyBooking();
  const [date, setDate] = useState<Date | null>(null);
  const [picking, setPicking] = useState(false);
  const [from, setFrom] = useState("19:00");
  const [to, setTo] = useState("20:30");
  const [timePick, setTimePick] = useState<"from" | "to" | null>(null);
  const [title, setTitle] = useState("");
  const [weeks, setWeeks] = useState<string[]>(["1"]);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  if (stage.isPending)
    return (
      <PageShell title={t("m.stage.title")}>
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      </PageShell>
    );
  if (stage.isError)
    return (
      <PageShell title={t("m.stage.title")}>
        <ErrorBlock status="default" title={errorMessage(stage.error)} description="" />
      </PageShell>
    );
  const data = stage.data;
  if (data.teams.length === 0)
    return (
      <PageShell title={t("m.stage.title")}>
        <ErrorBlock status="empty" title={t("m.stage.notLeader")} description={t("m.stage.notLeaderHint")} />
      </PageShell>
    );
  const venue = data.venues[0];
  const team = data.teams[0];
  const cancellable = (b: Booking) => (b.status === "requested" || b.status === "approved") && Date.parse(b.startsAt) > Date.now();
  const cancelBooking = async (b: Booking) => {
    const ok = await Dialog.confirm({
      content: t("m.stage.cancelConfirm", { date: b.date, from: stationTime(b.startsAt), to: stationTime(b.endsAt), title: b.title }),
      confirmText: t("m.stage.cancel"),
      cancelText: t("m.stage.keep"),
    });
    if (!ok) return;
    try {
      await cancel.mutateAsync({ id: b.id });
      Toast.show({ icon: "success", content: t("m.stage.cancelled") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  const submit = async () => {
    if (!date) return setError({ field: "date", message: t("m.stage.pickDate") });
    const day = dayjs(date).format("YYYY-MM-DD");
    const n = Number(weeks[0] ?? "1");
    try {
      const res = await request.mutateAsync({
        venueId: venue.id,
        teamId: team.id,
        purpose: "rehearsal",
        title: title || t("m.stage.defaultTitle", { team: team.name }),
        date: day,
        startTime: from,
        endTime: to,
        repeat:
          n > 1
            ? {
                rule: { kind: "weekly", weekdays: [((dayjs(date).day() + 6) % 7) + 1] },
                until: dayjs(date)
                  .add((n - 1) * 7, "day")
                  .format("YYYY-MM-DD"),
              }
            : null,
      });
      setError(null);
      Toast.show({ icon: "success", content: t("m.stage.sent", { count: res.created }) });
    } catch (e) {
      const fields = (e as { fields?: { field: string }[] }).fields ?? [];
      setError({ field: fields[0]?.field ?? "", message: errorMessage(e) });
    }
  };
  return (
    <PageShell title={t("m.stage.title")}>
      <div className="dd-hero" style={{ padding: "16px 20px" }}>
        <h1 style={{ fontSize: 20 }}>{team.name}</h1>
        {venue && <p>{t("m.stage.venue", { name: venue.name, from: venue.openFrom, to: venue.openTo })}</p>}
      </div>
      <Form
        layout="horizontal"
        footer={
          <Button block color="primary" loading={request.isPending} onClick={submit} data-testid="m-stage-submit">
            {t("m.stage.submit")}
          </Button>
        }
      >
        <Form.Item label={t("stage.bookingTitle")}>
          <Input
            value={title}
            onChange={setTitle}
            placeholder={t("m.stage.defaultTitle", { team: team.name })}
            data-testid="m-stage-title"
          />
        </Form.Item>
        <Form.Item
          label={t("stage.date")}
          onClick={() => setPicking(true)}
          clickable
          help={error?.field === "date" ? error.message : undefined}
        >
          <span data-testid="m-stage-date">{date ? dayjs(date).format("YYYY-MM-DD") : t("m.stage.pickDate")}</span>
        </Form.Item>
        <Form.Item label={t("m.stage.from")} onClick={() => setTimePick("from")} clickable>
          <span data-testid="m-stage-from">{from}</span>
        </Form.Item>
        <Form.Item label={t("m.stage.to")} onClick={() => setTimePick("to")} clickable>
          <span data-testid="m-stage-to">{to}</span>
        </Form.Item>
        <Form.Item label={t("m.stage.weeks")} layout="vertical">
          <Selector
            columns={4}
            value={weeks}
            onChange={(v) => v.length && setWeeks(v)}
            options={["1", "4", "8", "12"].map((w) => ({ value: w, label: w === "1" ? t("m.stage.once") : t("m.stage.nWeeks", { n: w }) }))}
          />
        </Form.Item>
      </Form>
      {error && error.field !== "date" && (
        <div style={{ color: "#c8161d", padding: "8px 16px" }} data-testid="m-stage-error">
          {error.message}
        </div>
      )}
      <DatePicker
        visible={picking}
        onClose={() => setPicking(false)}
        min={new Date()}
        max={dayjs().add(1, "year").toDate()}
        onConfirm={(d) => setDate(d)}
      />
      <Picker
        columns={[times.map((x) => ({ label: x, value: x }))]}
        visible={timePick !== null}
        onClose={() => setTimePick(null)}
        value={[timePick === "to" ? to : from]}
        onConfirm={(v) => (timePick === "to" ? setTo(String(v[0])) : setFrom(String(v[0])))}
      />
      <List header={t("m.stage.mine")} data-testid="m-stage-bookings">
        {data.bookings.length === 0 ? (
          <List.Item>{t("stage.noBookings")}</List.Item>
        ) : (
          data.bookings.slice(0, 20).map((b) => (
            <List.Item
              key={b.id}
              data-testid={`m-stage-booking-${b.id}`}
              extra={
                <Space direction="vertical" align="end">
                  <Tag color={b.status === "approved" ? "success" : b.status === "requested" ? "warning" : "default"}>
                    {t(`bookingStatus.${b.status}`)}
                  </Tag>
                  {cancellable(b) && (
                    <Button size="mini" fill="outline" onClick={() => cancelBooking(b)} data-testid={`m-stage-cancel-${b.id}`}>
                      {t("m.stage.cancel")}
                    </Button>
                  )}
                </Space>
              }
            >
              {b.date} {stationTime(b.startsAt)}–{stationTime(b.endsAt)} {b.title}
            </List.Item>
          ))
        )}
      </List>
    </PageShell>
  );
}
