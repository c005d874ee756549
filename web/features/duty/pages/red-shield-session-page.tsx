import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { stationDate, weekdayOf } from "../../../../contracts/calendar.ts";
import { consultationCreateSchema, consultationOutcomes, consultationTopics } from "../../../../contracts/duty.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import {
  useCancelSession,
  useHoldSession,
  useMarkBooking,
  useRecordConsultation,
  useRedShieldMerchants,
  useSession,
} from "../api/red-shield.ts";
import type { Booking, Consultation, SessionDetail } from "../api/types.ts";
import { bookingStatusColour, outcomeColour, sessionStatusColour } from "../components/labels.ts";
import "../duty.css";

interface ConsultValues {
  merchantId?: number;
  bookingId?: number | null;
  topic?: string;
  summary?: string;
  outcome?: string;
}

function ConsultationModal({
  open,
  onClose,
  session,
  booking,
}: {
  open: boolean;
  onClose: () => void;
  session: SessionDetail;
  booking: Booking | null;
}) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const merchants = useRedShieldMerchants(search);
  const record = useRecordConsultation();
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({
      merchantId: booking?.merchantId,
      bookingId: booking?.id ?? null,
      topic: booking?.topic,
      outcome: "solved",
      summary: "",
    });
  }, [open, booking, form]);
  const options = booking
    ? [{ value: booking.merchantId, label: booking.merchantName }]
    : (merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as ConsultValues;
    const checked = validateWith(consultationCreateSchema, { ...v, sessionId: session.id }, form);
    if (!checked.ok) return;
    try {
      await record.mutateAsync(checked.data);
      message.success(t("rs.consultationSaved"));
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={booking ? t("rs.recordFor", { name: booking.merchantName, slot: booking.slot }) : t("rs.recordWalkIn")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={record.isPending}
      destroyOnHidden
      width={600}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="merchantId" label={t("rs.merchant")} required>
          <Select
            showSearch
            disabled={!!booking}
            filterOption={false}
            onSearch={setSearch}
            placeholder={t("rs.merchantSearch")}
            options={options}
            notFoundContent={merchants.isFetching ? <Spin size="small" /> : undefined}
          />
        </Form.Item>
        <Form.Item name="topic" label={t("rs.topic")} required>
          <Radio.Group options={consultationTopics.map((c) => ({ value: c, label: t(`topic.${c}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t("rs.summary")} required>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t("rs.summaryHint")} data-testid="consult-summary" />
        </Form.Item>
        <Form.Item name="outcome" label={t("rs.outcome")} required>
          <Radio.Group optionType="button" options={consultationOutcomes.map((c) => ({ value: c, label: t(`outcome.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One Red Shield session: its slots with who booked them, attendance, and the consultations recorded. */
export default function RedShieldSessionPage() {
  const { t } = useTranslation("duty");
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const session = useSession(id);
  const hold = useHoldSession();
  const cancel = useCancelSession();
  const mark = useMarkBooking();
  const [consulting, setConsulting] = useState<{ booking: Booking | null } | null>(null);
  const reasonRef = useRef("");
  const s = session.data;
  const today = stationDate(new Date());

  if (session.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (session.isError || !s)
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(session.error)}
        action={<Button onClick={() => navigate("/services/red-shield")}>{t("common:action.back")}</Button>}
      />
    );

  const started = s.date <= today;
  const manage = s.canManage;
  const recordable = manage && started && s.status !== "cancelled";

  const doHold = async () => {
    try {
      await hold.mutateAsync({ id: s.id, version: s.version });
      message.success(t("rs.heldDone"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const doCancel = () => {
    reasonRef.current = "";
    modal.confirm({
      title: t("rs.cancelTitle", { date: s.date }),
      content: (
        <div>
          <Typography.Paragraph>{t("rs.cancelHint", { booked: s.booked })}</Typography.Paragraph>
          <Input.TextArea
            rows={2}
            maxLength={200}
            placeholder={t("rs.cancelReason")}
            onChange={(e) => {
              reasonRef.current = e.target.value;
            }}
          />
        </div>
      ),
      okText: t("rs.cancelOk"),
      okButtonProps: { danger: true },
      cancelText: t("common:action.cancel"),
      onOk: async () => {
        try {
          await cancel.mutateAsync({ id: s.id, version: s.version, reason: reasonRef.current });
          message.success(t("rs.cancelled"));
        } catch (error) {
          message.error(errorMessage(error));
          throw error;
        }
      },
    });
  };
  const markAs = async (b: Booking, status: "attended" | "missed") => {
    try {
      await mark.mutateAsync({ id: b.id, status });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/services/red-shield")} aria-label={t("common:action.back")} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="rs-session-title">
            {t("rs.sessionTitle", { date: s.date, weekday: t(`weekday.${weekdayOf(s.date)}`) })}
          </Typography.Title>
          <Tag color={sessionStatusColour[s.status]}>{t(`rs.status.${s.status}`)}</Tag>
          <div style={{ flex: 1 }} />
          {manage && s.status === "scheduled" && (
            <>
              <Button danger onClick={doCancel} loading={cancel.isPending} data-testid="rs-cancel">
                {t("rs.cancelSession")}
              </Button>
              <Button
                type="primary"
                onClick={doHold}
                disabled={!started}
                loading={hold.isPending}
                title={started ? undefined : t("rs.holdLater")}
              >
                {t("rs.hold")}
              </Button>
            </>
          )}
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t("field.hours")}>{`${s.startTime}–${s.endTime}`}</Descriptions.Item>
          <Descriptions.Item label={t("rs.place")}>{s.place}</Descriptions.Item>
          <Descriptions.Item label={t("rs.unit")}>{s.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("rs.booked")}>{`${s.booked} / ${s.slots}`}</Descriptions.Item>
          {s.cancelReason && <Descriptions.Item label={t("rs.cancelReason")}>{s.cancelReason}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title={t("rs.slots")} style={{ marginBottom: 16 }}>
        <div className="dd-rs-slots" data-testid="rs-slots">
          {s.slotList.map((slot) => {
            const b = slot.booking;
            return (
              <div key={slot.slot} className={`dd-rs-slot${slot.taken ? "" : " free"}`} data-testid={`rs-slot-${slot.slot}`}>
                <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 6 }}>
                  <Typography.Text strong>{slot.slot}</Typography.Text>
                  {b ? (
                    <Tag color={bookingStatusColour[b.status]}>{t(`rs.bookingStatus.${b.status}`)}</Tag>
                  ) : slot.taken ? (
                    <Tag>{t("rs.taken")}</Tag>
                  ) : null}
                </div>
                {b ? (
                  <>
                    <div style={{ fontWeight: 600 }}>{b.merchantName}</div>
                    <div className="dd-duty-muted">
                      {t(`topic.${b.topic}`)}
                      {b.note ? ` · ${b.note}` : ""}
                    </div>
                    {manage && started && s.status !== "cancelled" && (
                      <Space size={4} style={{ marginTop: 8 }} wrap>
                        <Button
                          size="small"
                          icon={<CheckOutlined />}
                          disabled={b.status === "attended"}
                          onClick={() => markAs(b, "attended")}
                        >
                          {t("rs.markAttended")}
                        </Button>
                        <Button size="small" icon={<CloseOutlined />} disabled={b.status === "missed"} onClick={() => markAs(b, "missed")}>
                          {t("rs.markMissed")}
                        </Button>
                        {recordable && (
                          <Button size="small" type="primary" ghost onClick={() => setConsulting({ booking: b })}>
                            {t("rs.record")}
                          </Button>
                        )}
                      </Space>
                    )}
                  </>
                ) : (
                  !slot.taken && <div>{t("rs.free")}</div>
                )}
              </div>
            );
          })}
        </div>
      </Card>

      <Card
        title={t("rs.consultationsOf")}
        extra={
          recordable && (
            <Button icon={<PlusOutlined />} onClick={() => setConsulting({ booking: null })}>
              {t("rs.recordWalkIn")}
            </Button>
          )
        }
      >
        {!started && s.status === "scheduled" && <Alert type="info" showIcon title={t("rs.notStarted")} style={{ marginBottom: 12 }} />}
        <Table<Consultation>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={s.consultationList}
          locale={{ emptyText: <Empty description={t("rs.noConsultations")} /> }}
          columns={[
            { title: t("rs.merchant"), dataIndex: "merchantName", width: 200 },
            { title: t("rs.topic"), dataIndex: "topic", width: 110, render: (v: string) => t(`topic.${v}`) },
            { title: t("rs.summary"), dataIndex: "summary" },
            {
              title: t("rs.outcome"),
              dataIndex: "outcome",
              width: 100,
              render: (v: string) => <Tag color={outcomeColour[v]}>{t(`outcome.${v}`)}</Tag>,
            },
            {
              title: t("rs.officer"),
              key: "officer",
              width: 230,
              render: (_: unknown, c) => `${c.officerName ?? "—"} · ${formatDateTime(c.createdAt)}`,
            },
          ]}
        />
      </Card>
      <ConsultationModal open={consulting !== null} onClose={() => setConsulting(null)} session={s} booking={consulting?.booking ?? null} />
    </div>
  );
}
