import { Button, DotLoading, ErrorBlock, List, NoticeBar, Popup, Tag, TextArea, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stationTime } from "../../../../contracts/calendar.ts";
import { objectionCreateSchema } from "../../../../contracts/volunteers.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { translateValidation } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { useMyRecords, useObject } from "../api/mine.ts";
import type { MyRecords } from "../api/types.ts";
import { hoursOf } from "../components/labels.ts";
import { useDayLabel } from "./activity-card.tsx";
import { MyServiceRecords } from "./my-service-records.tsx";

type Record = MyRecords["records"][number];

const stateColour = { uncertified: "default", publicised: "warning", final: "success" } as const;

function ObjectionSheet({ record, onClose }: { record: Record | null; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const object = useObject();
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setReason("");
    setFailure(null);
    onClose();
  };
  const submit = async () => {
    if (!record) return;
    const parsed = objectionCreateSchema.safeParse({ reason });
    if (!parsed.success) {
      setFailure(translateValidation(parsed.error.issues[0]?.message ?? "v.required"));
      return;
    }
    try {
      await object.mutateAsync({ occurrenceId: record.occurrence.id, reason: parsed.data.reason });
      Toast.show({ icon: "success", content: t("m.records.objected") });
      close();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Popup
      visible={record !== null}
      onMaskClick={close}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, boxSizing: "border-box", padding: "16px 16px 24px" }}
    >
      {record && (
        <div data-testid="objection-sheet">
          <div style={{ fontSize: 18, fontWeight: 600, marginBottom: 4 }}>{t("m.records.objectTitle")}</div>
          <div className="dd-muted" style={{ fontSize: 14, marginBottom: 12 }}>
            {t("m.records.objectIntro", { title: record.occurrence.title, hours: hoursOf(record.signup.minutes) })}
          </div>
          {failure && <NoticeBar content={failure} color="error" wrap style={{ marginBottom: 12 }} />}
          <div style={{ background: "#f7f7f7", borderRadius: 6, padding: 8 }}>
            <TextArea
              value={reason}
              onChange={setReason}
              maxLength={500}
              rows={4}
              showCount
              placeholder={t("m.records.objectPlaceholder")}
              data-testid="objection-reason"
            />
          </div>
          <Button
            block
            color="primary"
            size="large"
            style={{ marginTop: 16 }}
            loading={object.isPending}
            onClick={submit}
            data-testid="objection-submit"
          >
            {t("m.records.objectSubmit")}
          </Button>
        </div>
      )}
    </Popup>
  );
}

function RecordItem({ r, onObject }: { r: Record; onObject: () => void }) {
  const { t } = useTranslation("volunteers");
  const dayLabel = useDayLabel();
  const { occurrence: o, signup: s, objection } = r;
  return (
    <List mode="card" data-testid={`record-${o.id}`}>
      <List.Item
        description={
          <div style={{ display: "grid", gap: 2 }}>
            <span>{`${stationTime(o.startsAt)}–${stationTime(o.endsAt)} · ${o.place}`}</span>
            {s.checkedInAt && (
              <span>
                {t("m.checkin.inOut", { in: stationTime(s.checkedInAt), out: s.checkedOutAt ? stationTime(s.checkedOutAt) : "—" })}
              </span>
            )}
            {o.certification === "publicised" && <span>{t("m.records.publicUntil", { time: formatDateTime(o.publicUntil) })}</span>}
            {s.status === "attended" && s.minutes === 0 && !s.correctionReason && <span>{t("m.records.notCounted")}</span>}
            {s.correctionReason && (
              <span style={{ color: "var(--adm-color-warning)" }}>{t("m.records.corrected", { reason: s.correctionReason })}</span>
            )}
            {objection && (
              <span style={{ color: objection.status === "open" ? "var(--adm-color-warning)" : "var(--adm-color-success)" }}>
                {objection.status === "open"
                  ? t("m.records.objectionOpen", { reason: objection.reason })
                  : t("m.records.objectionResolved", { resolution: objection.resolution ?? "" })}
              </span>
            )}
          </div>
        }
        extra={
          <div style={{ display: "grid", gap: 6, justifyItems: "end", textAlign: "right" }}>
            <span style={{ fontSize: 18, fontWeight: 600, color: "#333" }} data-testid={`record-hours-${o.id}`}>
              {t("m.records.hours", { hours: hoursOf(s.minutes) })}
            </span>
            <Tag color={stateColour[o.certification]} data-testid={`record-state-${o.id}`}>
              {t(`m.records.state.${o.certification}`)}
            </Tag>
            {o.certification === "publicised" && objection?.status !== "open" && (
              <Button size="mini" fill="outline" onClick={onObject} data-testid={`record-object-${o.id}`}>
                {t("m.records.object")}
              </Button>
            )}
          </div>
        }
      >
        <div style={{ fontWeight: 600 }}>{dayLabel(o.date)}</div>
        <div style={{ fontSize: 15, marginTop: 2 }}>
          {o.title}
          {s.status === "no_show" && (
            <Tag color="danger" fill="outline" style={{ marginLeft: 6 }}>
              {t("signupStatus.no_show")}
            </Tag>
          )}
          {s.status === "signed_up" && (
            <Tag color="default" fill="outline" style={{ marginLeft: 6 }}>
              {t("m.records.notCheckedIn")}
            </Tag>
          )}
        </div>
      </List.Item>
    </List>
  );
}

type Meals = MyRecords["meals"][number];

/** The records and the meal deliveries by month, newest month first. */
function byMonth(records: Record[], meals: Meals[]): { month: string; records: Record[]; meals: Meals | null }[] {
  const months = new Map<string, { month: string; records: Record[]; meals: Meals | null }>();
  const at = (month: string) => {
    const m = months.get(month) ?? { month, records: [], meals: null };
    months.set(month, m);
    return m;
  };
  for (const r of records) at(r.occurrence.date.slice(0, 7)).records.push(r);
  for (const m of meals) at(m.month).meals = m;
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}

/** A month's hours as the total counts them: certified (final or on public notice), the meal deliveries' with them. */
const countedMinutes = (records: Record[], meals: Meals | null) =>
  records.reduce((sum, r) => sum + (r.occurrence.certification === "uncertified" ? 0 : (r.signup.minutes ?? 0)), 0) + (meals?.minutes ?? 0);

function MealsItem({ meals }: { meals: Meals }) {
  const { t } = useTranslation("volunteers");
  return (
    <List mode="card" data-testid={`record-meals-${meals.month}`}>
      <List.Item
        description={t("m.records.mealsNote")}
        extra={
          <div style={{ display: "grid", gap: 6, justifyItems: "end", textAlign: "right" }}>
            <span style={{ fontSize: 18, fontWeight: 600, color: "#333" }}>{t("m.records.hours", { hours: hoursOf(meals.minutes) })}</span>
            <Tag color={stateColour.final}>{t("m.records.state.final")}</Tag>
          </div>
        }
      >
        <div style={{ fontWeight: 600 }}>{t("m.records.meals")}</div>
        <div style={{ fontSize: 15, marginTop: 2 }}>{t("m.records.mealDays", { count: meals.days })}</div>
      </List.Item>
    </List>
  );
}

/** 我的服务记录: my hours by certification (pending, on public notice, final), each activity's record, objections during the notice. */
export default function VolunteerRecordsPage() {
  const { t } = useTranslation("volunteers");
  const records = useMyRecords();
  const [objecting, setObjecting] = useState<Record | null>(null);
  const data = records.data;
  const total = data ? data.minutes.final + data.minutes.publicised : 0;

  return (
    <PageShell title={t("m.records.title")} back="/volunteering">
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <p>{t("m.records.total")}</p>
        <h1 style={{ fontSize: 30 }} data-testid="records-total">
          {t("m.records.hours", { hours: hoursOf(total) })}
        </h1>
        {data && (
          <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 8, marginTop: 12 }} data-testid="records-summary">
            {(["final", "publicised", "uncertified"] as const).map((k) => (
              <div key={k}>
                <div style={{ fontSize: 18, fontWeight: 600 }}>{hoursOf(data.minutes[k])}</div>
                <div style={{ fontSize: 13, opacity: 0.85 }}>{t(`m.records.sum.${k}`)}</div>
              </div>
            ))}
          </div>
        )}
      </div>
      <p className="dd-muted" style={{ margin: "12px 16px 0", fontSize: 13, lineHeight: 1.6 }}>
        {t("m.records.rules")}
      </p>
      <MyServiceRecords />
      {records.isError && <ErrorBlock status="default" title={errorMessage(records.error)} description="" />}
      {records.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : data && data.records.length === 0 && data.meals.length === 0 ? (
        <ErrorBlock status="empty" title={t("m.records.none")} description="" />
      ) : (
        <div data-testid="records">
          {byMonth(data?.records ?? [], data?.meals ?? []).map((m) => (
            <section key={m.month} data-testid={`records-month-${m.month}`}>
              <div className="dd-muted" style={{ margin: "16px 16px 0", fontSize: 14, fontWeight: 600 }}>
                {t("m.records.month", {
                  month: dayjs(`${m.month}-01`).format(t("calendar.monthFormat")),
                  hours: hoursOf(countedMinutes(m.records, m.meals)),
                })}
              </div>
              {m.records.map((r) => (
                <RecordItem key={r.occurrence.id} r={r} onObject={() => setObjecting(r)} />
              ))}
              {m.meals && <MealsItem meals={m.meals} />}
            </section>
          ))}
        </div>
      )}
      <ObjectionSheet record={objecting} onClose={() => setObjecting(null)} />
    </PageShell>
  );
}
