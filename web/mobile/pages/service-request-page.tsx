import { Button, Dialog, DotLoading, ErrorBlock, List, Rate, Result, Steps, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hearts, type RequestStatus, type ServiceRequestDetail } from "../../../contracts/counter.ts";
import { errorMessage } from "../../app/api-client.ts";
import { formatDateTime } from "../../app/format.ts";
import { formatYuan } from "../../app/money.ts";
import { useServiceRequest } from "../../features/counter/api/get-request.ts";
import { useCancelMyRequest, useRateMyRequest } from "../../features/counter/api/mine-actions.ts";
import { PageShell } from "../page-shell.tsx";

const colour: Record<RequestStatus, string> = {
  booked: "primary",
  waiting: "warning",
  handling: "warning",
  forwarded: "#722ed1",
  done: "success",
  cancelled: "default",
  missed: "danger",
};

type Scores = Record<(typeof hearts)[number], number>;

/** The five hearts, each 1–5, and a comment; sent once. */
function RateForm({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation("counter");
  const rate = useRateMyRequest();
  const [scores, setScores] = useState<Scores>({ easy: 0, satisfying: 0, warm: 0, considerate: 0, pleasant: 0 });
  const [comment, setComment] = useState("");
  const complete = hearts.every((h) => scores[h] >= 1);
  const submit = async () => {
    try {
      await rate.mutateAsync({ id: r.id, input: { ...scores, comment: comment.trim() || null } });
      Toast.show({ icon: "success", content: t("mobile.thanks") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error), duration: 3000 });
    }
  };
  return (
    <List mode="card" header={<span style={{ fontWeight: 600 }}>{t("mobile.rateTitle")}</span>} data-testid="rate-form">
      {hearts.map((h) => (
        <List.Item
          key={h}
          description={t(`hearts.hint.${h}`)}
          extra={
            <Rate
              value={scores[h]}
              onChange={(v) => setScores((s) => ({ ...s, [h]: v }))}
              character="♥"
              style={{ "--active-color": "#c8161d", "--star-size": "26px" } as React.CSSProperties}
              data-testid={`rate-${h}`}
            />
          }
        >
          <span style={{ fontWeight: 600 }}>{t(`hearts.${h}`)}</span>
        </List.Item>
      ))}
      <List.Item>
        <TextArea placeholder={t("mobile.commentPlaceholder")} value={comment} onChange={setComment} maxLength={500} rows={2} showCount />
      </List.Item>
      <List.Item>
        <Button block color="primary" size="large" disabled={!complete} loading={rate.isPending} onClick={submit} data-testid="rate-submit">
          {complete ? t("mobile.rateSubmit") : t("mobile.rateAll")}
        </Button>
      </List.Item>
    </List>
  );
}

function RatingShown({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation("counter");
  if (!r.rating) return null;
  const rating = r.rating;
  return (
    <List mode="card" header={<span style={{ fontWeight: 600 }}>{t("mobile.yourRating")}</span>} data-testid="rating-shown">
      {hearts.map((h) => (
        <List.Item
          key={h}
          extra={
            <Rate
              readOnly
              value={rating[h]}
              character="♥"
              style={{ "--active-color": "#c8161d", "--star-size": "20px" } as React.CSSProperties}
            />
          }
        >
          {t(`hearts.${h}`)}
        </List.Item>
      ))}
      {rating.comment && <List.Item>“{rating.comment}”</List.Item>}
    </List>
  );
}

/** One of my requests: its status and queue number, what to bring, the timeline; cancel while booked; rate once done. */
export default function ServiceRequestPage() {
  const { t } = useTranslation("counter");
  const params = useParams();
  const id = Number(params.id);
  const request = useServiceRequest(Number.isFinite(id) ? id : null);
  const cancel = useCancelMyRequest();
  const r = request.data;

  const withdraw = async () => {
    if (!r) return;
    let reason = "";
    const ok = await Dialog.confirm({
      title: t("mobile.cancelTitle"),
      content: (
        <TextArea
          placeholder={t("mobile.cancelPlaceholder")}
          rows={3}
          maxLength={500}
          onChange={(v) => {
            reason = v;
          }}
        />
      ),
      confirmText: t("mobile.cancelConfirm"),
      cancelText: t("mobile.keep"),
    });
    if (!ok) return;
    try {
      await cancel.mutateAsync({
        id: r.id,
        input: { reason: reason.trim().length >= 2 ? reason.trim() : t("mobile.cancelDefault"), version: r.version },
      });
      Toast.show({ icon: "success", content: t("mobile.cancelled") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error), duration: 3000 });
    }
  };

  return (
    <PageShell title={t("mobile.requestTitle")} back="/services?tab=mine">
      {request.isError && <ErrorBlock status="default" title={errorMessage(request.error)} description="" />}
      {request.isPending ? (
        <div style={{ padding: 48, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : r ? (
        <div data-testid="service-request" data-status={r.status}>
          <div className="dd-hero" style={{ padding: "18px 20px 22px" }}>
            <p>{r.unitName}</p>
            <h1 style={{ fontSize: 21 }}>{r.itemName}</h1>
            <div style={{ display: "flex", alignItems: "center", gap: 10, marginTop: 8, flexWrap: "wrap" }}>
              <Tag color={colour[r.status]} style={{ fontSize: 14, padding: "3px 8px" }} data-testid="request-status">
                {t(`status.${r.status}`)}
              </Tag>
              {r.overdue && <Tag color="danger">{t("overdue")}</Tag>}
            </div>
          </div>
          {r.queueNo !== null && (r.status === "waiting" || r.status === "handling") && (
            <Result
              status="waiting"
              title={<span data-testid="queue-no">{t("mobile.yourNumber", { no: String(r.queueNo).padStart(3, "0") })}</span>}
              description={r.status === "waiting" ? t("mobile.waitForCall") : t("mobile.atWindow")}
            />
          )}
          <List mode="card">
            <List.Item extra={`${r.date}${r.shift ? ` ${r.shift.startTime}–${r.shift.endTime}` : ""}`}>{t("field.date")}</List.Item>
            {r.queueNo !== null && <List.Item extra={String(r.queueNo).padStart(3, "0")}>{t("field.queueNo")}</List.Item>}
            <List.Item extra={t(`handling.${r.handling}`)}>{t("field.handling")}</List.Item>
            <List.Item extra={r.timeLimitDays === 0 ? t("timeLimit.immediate") : t("timeLimit.days", { count: r.timeLimitDays })}>
              {t("field.timeLimit")}
            </List.Item>
            {r.dueDate && <List.Item extra={r.dueDate}>{t("field.dueDate")}</List.Item>}
            <List.Item extra={r.feeFen === 0 ? t("fee.free") : formatYuan(r.feeFen)}>{t("field.fee")}</List.Item>
          </List>
          {r.materials.length > 0 && (r.status === "booked" || r.status === "waiting") && (
            <List mode="card" header={<span style={{ fontWeight: 600 }}>{t("mobile.bring")}</span>}>
              {r.materials.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
          {r.status === "done" && !r.rating && <RateForm r={r} />}
          <RatingShown r={r} />
          <List mode="card" header={<span style={{ fontWeight: 600 }}>{t("detail.timeline")}</span>}>
            <List.Item>
              <Steps direction="vertical" current={r.timeline.length - 1}>
                {r.timeline.map((e) => (
                  <Steps.Step
                    key={e.id}
                    status="finish"
                    title={
                      e.kind === "checked_in" || e.kind === "walked_in"
                        ? t(`event.${e.kind}`, { no: r.queueNo === null ? "—" : String(r.queueNo).padStart(3, "0") })
                        : t(`event.${e.kind}`)
                    }
                    description={`${formatDateTime(e.at)}${e.note ? ` · ${e.note}` : ""}`}
                  />
                ))}
              </Steps>
            </List.Item>
          </List>
          {r.status === "booked" && (
            <div style={{ padding: "4px 12px 16px" }}>
              <Button
                block
                color="danger"
                fill="outline"
                size="large"
                onClick={withdraw}
                loading={cancel.isPending}
                data-testid="request-cancel"
              >
                {t("mobile.cancelBooking")}
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </PageShell>
  );
}
