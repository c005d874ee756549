import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Result, Row, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import type { RequestActionInput, ServiceRequestDetail } from "../../../../contracts/counter.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useRequestAction } from "../api/counter-actions.ts";
import { useServiceRequest } from "../api/get-request.ts";
import { HeartsView } from "../components/hearts-view.tsx";
import { StatusTag, statusColour, useFee, useTimeLimit } from "../components/labels.tsx";

const eventColour: Record<string, string> = {
  booked: "blue",
  walked_in: "blue",
  checked_in: "gold",
  started: "purple",
  forwarded: "purple",
  done: "green",
  rated: "red",
  cancelled: "gray",
  missed: "red",
};

function Actions({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation("counter");
  const { message, modal } = App.useApp();
  const me = useMe();
  const can = useCan();
  const action = useRequestAction();
  const staff = can("service.manage");
  const department = me.allianceUnitId !== null && me.allianceUnitId === r.unitId;
  const today = stationDate(new Date());

  const run = async (input: RequestActionInput, done: string) => {
    try {
      await action.mutateAsync({ id: r.id, input });
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error));
      throw error;
    }
  };
  const withText = (kind: "cancel" | "forward" | "complete") => {
    let text = "";
    modal.confirm({
      title: t(`step.${kind}Title`, { name: r.applicantName, item: r.itemName }),
      icon: null,
      content: (
        <div>
          {kind === "forward" && (
            <Typography.Paragraph type="secondary">
              {t("step.forwardHint", { unit: r.unitName, count: r.timeLimitDays })}
            </Typography.Paragraph>
          )}
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t(`step.${kind}Placeholder`)}
            data-testid={`step-${kind}-text`}
            onChange={(e) => {
              text = e.target.value;
            }}
          />
        </div>
      ),
      okText: t(`action.${kind}`),
      okButtonProps: { danger: kind === "cancel", "data-testid": `step-${kind}-ok` } as never,
      cancelText: t("common:action.cancel"),
      onOk: async () => {
        if (kind === "cancel") {
          if (text.trim().length < 2) {
            message.warning(t("step.reasonRequired"));
            throw new Error("reason");
          }
          return run({ action: "cancel", reason: text.trim(), version: r.version }, t("step.cancelled"));
        }
        return run({ action: kind, note: text.trim() || null, version: r.version }, t(`step.${kind}Done`));
      },
    });
  };

  const buttons: React.ReactNode[] = [];
  if (staff && r.status === "booked" && r.date === today) {
    buttons.push(
      <Button key="in" type="primary" onClick={() => run({ action: "check_in", version: r.version }, t("step.checkedIn")).catch(() => {})}>
        {t("action.checkIn")}
      </Button>,
    );
  }
  if (staff && r.status === "waiting") {
    buttons.push(
      <Button key="start" type="primary" onClick={() => run({ action: "start", version: r.version }, t("step.startDone")).catch(() => {})}>
        {t("action.start")}
      </Button>,
    );
  }
  if (staff && r.status === "handling") {
    buttons.push(
      <Button key="done" type="primary" onClick={() => withText("complete")} data-testid="detail-complete">
        {t("action.complete")}
      </Button>,
      <Button key="fwd" onClick={() => withText("forward")}>
        {t("action.forward")}
      </Button>,
    );
  }
  if ((staff || department) && r.status === "forwarded") {
    buttons.push(
      <Button key="done" type="primary" onClick={() => withText("complete")} data-testid="detail-complete">
        {t("action.completeForwarded")}
      </Button>,
    );
  }
  if (staff && (r.status === "booked" || r.status === "waiting")) {
    buttons.push(
      <Button key="cancel" danger onClick={() => withText("cancel")}>
        {t("action.cancel")}
      </Button>,
    );
  }
  return buttons.length ? <Space wrap>{buttons}</Space> : null;
}

/** 办件详情: one request with its item, applicant, queue number, due date, timeline and rating. */
export default function RequestDetailPage() {
  const { t } = useTranslation("counter");
  const params = useParams();
  const id = Number(params.id);
  const request = useServiceRequest(Number.isFinite(id) ? id : null);
  const timeLimit = useTimeLimit();
  const fee = useFee();
  const r = request.data;

  if (request.isError && request.error instanceof ApiError && request.error.status === 404) {
    return <Result status="404" title={t("detail.notFound")} extra={<Link to="/services/requests">{t("detail.back")}</Link>} />;
  }

  return (
    <div>
      <div style={{ marginBottom: 12 }}>
        <Link to="/services/requests">
          <ArrowLeftOutlined /> {t("detail.back")}
        </Link>
      </div>
      {request.isError && <Alert type="error" showIcon title={errorMessage(request.error)} style={{ marginBottom: 16 }} />}
      {request.isPending ? (
        <Spin style={{ display: "block", padding: 80 }} />
      ) : r ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card>
              <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="request-title">
                  {r.itemName}
                </Typography.Title>
                <span data-testid="request-status" data-status={r.status}>
                  <StatusTag status={r.status} overdue={r.overdue} />
                </span>
                <div style={{ flex: 1 }} />
                <Actions r={r} />
              </div>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={t("field.queueNo")}>
                  <span data-testid="request-queue-no" style={{ fontSize: 18, fontWeight: 600, color: "#cf1322" }}>
                    {r.queueNo === null ? "—" : String(r.queueNo).padStart(3, "0")}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t("field.channel")}>{t(`channel.${r.channel}`)}</Descriptions.Item>
                <Descriptions.Item label={t("field.applicant")}>
                  {r.applicantName} <Tag>{t(`applicantKind.${r.applicantKind}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t("field.mobile")}>{r.applicantMobile ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("field.date")}>
                  {r.date}
                  {r.shift ? ` ${r.shift.startTime}–${r.shift.endTime}` : ""}
                </Descriptions.Item>
                <Descriptions.Item label={t("field.unit")}>{r.unitName}</Descriptions.Item>
                <Descriptions.Item label={t("field.handling")}>{t(`handling.${r.handling}`)}</Descriptions.Item>
                <Descriptions.Item label={t("field.timeLimit")}>{timeLimit(r.timeLimitDays)}</Descriptions.Item>
                <Descriptions.Item label={t("field.dueDate")}>
                  {r.dueDate ?? "—"} {r.overdue && <Tag color="red">{t("overdue")}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t("field.fee")}>{fee(r.feeFen)}</Descriptions.Item>
                <Descriptions.Item label={t("field.handledBy")}>{r.handledBy ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("field.completedAt")}>{formatDateTime(r.completedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("field.materials")} span={2}>
                  {r.materials.length ? r.materials.join("；") : t("catalogue.noMaterials")}
                </Descriptions.Item>
                {r.note && (
                  <Descriptions.Item label={t("field.applicantNote")} span={2}>
                    {r.note}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title={t("hearts.title")} style={{ marginTop: 16 }}>
              {r.rating ? (
                <HeartsView rating={r.rating} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={r.status === "done" ? t("detail.notRatedYet") : t("detail.ratedWhenDone")}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t("detail.timeline")}>
              <Timeline
                data-testid="request-timeline"
                items={r.timeline.map((e) => ({
                  color: eventColour[e.kind] ?? statusColour[r.status],
                  content: (
                    <div>
                      <Typography.Text strong>
                        {e.kind === "checked_in" || e.kind === "walked_in"
                          ? t(`event.${e.kind}`, { no: r.queueNo === null ? "—" : String(r.queueNo).padStart(3, "0") })
                          : t(`event.${e.kind}`)}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(e.at)}
                          {e.actorName && e.actorName !== "system" ? ` · ${e.actorName}` : ""}
                        </Typography.Text>
                      </div>
                      {e.note && <div style={{ marginTop: 2 }}>{e.note}</div>}
                    </div>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
