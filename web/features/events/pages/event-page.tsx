import { ArrowLeftOutlined, EditOutlined, WarningOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  type UploadFile,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import {
  countCreateSchema,
  countMethods,
  type EventCount,
  type EventDetail,
  type EventTakings,
  editableEventStatuses,
} from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatYuan, yuanToFen } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { PhotoUpload, uploadedIds } from "../../../components/photo-upload.tsx";
import { useAddCount, useAddPhoto, useEnterTakings, useEvent, useEventStep } from "../api/events.ts";
import { EventFormDrawer } from "../components/event-form-drawer.tsx";
import { kindColour, statusColour } from "../components/labels.ts";

const next: Record<string, ("approved" | "held" | "reported" | "cancelled")[]> = {
  planned: ["approved", "cancelled"],
  approved: ["held", "cancelled"],
  held: ["reported"],
  reported: [],
  cancelled: [],
};

function Uplift({ e }: { e: EventDetail }) {
  const { t } = useTranslation("events");
  const u = e.uplift;
  if (!u) return null;
  return (
    <Card title={t("uplift.title")} style={{ marginTop: 16 }} data-testid="event-uplift">
      <Row gutter={24}>
        <Col span={6}>
          <Statistic
            title={t("uplift.visits")}
            value={u.visits.uplift ?? "—"}
            prefix={u.visits.uplift !== null && u.visits.uplift > 0 ? "+" : ""}
            suffix={u.visits.uplift === null ? "" : t("uplift.visitsUnit")}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t("uplift.takings")} value={formatYuan(u.takings.upliftFen)} prefix={u.takings.upliftFen > 0 ? "+" : ""} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t("uplift.percent")}
            value={u.takings.upliftPercent ?? "—"}
            suffix={u.takings.upliftPercent === null ? "" : "%"}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t("uplift.sample")} value={`${u.takings.sampleSize} / ${u.takings.merchantsTakingPart}`} />
        </Col>
      </Row>
      <Descriptions column={1} size="small" style={{ marginTop: 16 }} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t("uplift.baseline")}>
          {u.baselineKind ? t(`baseline.${u.baselineKind}`) : "—"}：{u.baselineDates.join("、") || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.promotionDates")}>{u.promotionDates.join("、")}</Descriptions.Item>
        <Descriptions.Item label={t("uplift.visitsMethod")}>
          <span data-testid="uplift-visits-method">
            {u.visits.method
              ? t("uplift.visitsHow", {
                  method: t(`method.${u.visits.method}`),
                  base: u.visits.baselinePerDay,
                  promo: u.visits.promotionPerDay,
                  baseDays: u.visits.baselineDays,
                  promoDays: u.visits.promotionDays,
                })
              : t("uplift.noVisits")}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("uplift.takingsMethod")}>
          <span data-testid="uplift-takings-method">
            {t("uplift.takingsHow", {
              sample: u.takings.sampleSize,
              base: formatYuan(u.takings.baselineFen),
              promo: formatYuan(u.takings.promotionFen),
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function CountModal({ e, open, onClose }: { e: EventDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const method = Form.useWatch("method", form) ?? "gates";
  const add = useAddCount(e.id);
  const submit = async () => {
    const v = form.getFieldsValue(true) as {
      date?: Dayjs;
      method: string;
      entrance?: string;
      entries?: number;
      reEntries?: number;
      exits?: number;
      visitors?: number;
      note?: string;
    };
    const body = { ...v, date: v.date?.format("YYYY-MM-DD") };
    const checked = validateWith(countCreateSchema, body, form);
    if (!checked.ok) return;
    try {
      await add.mutateAsync(body as never);
      message.success(t("counts.saved"));
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={add.isPending}
      title={t("counts.add")}
      destroyOnHidden
      okButtonProps={{ "data-testid": "count-submit" } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ method: "gates" }}>
        <Form.Item name="date" label={t("counts.date")} required>
          <DatePicker style={{ width: "100%" }} data-testid="count-date" />
        </Form.Item>
        <Form.Item name="method" label={t("counts.method")} required extra={t(`methodHint.${method}`)}>
          <Select options={countMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
        </Form.Item>
        {method === "gates" ? (
          <>
            <Form.Item name="entrance" label={t("counts.entrance")} required>
              <Input maxLength={40} data-testid="count-entrance" />
            </Form.Item>
            <Space size={16}>
              <Form.Item name="entries" label={t("counts.entries")} required>
                <InputNumber precision={0} style={{ width: 120 }} data-testid="count-entries" />
              </Form.Item>
              <Form.Item name="reEntries" label={t("counts.reEntries")}>
                <InputNumber precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="exits" label={t("counts.exits")}>
                <InputNumber precision={0} style={{ width: 120 }} data-testid="count-exits" />
              </Form.Item>
            </Space>
          </>
        ) : (
          <Form.Item name="visitors" label={t("counts.visitors")} required>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("counts.note")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TakingsModal({ e, open, onClose }: { e: EventDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const enter = useEnterTakings(e.id);
  const dates = [
    ...e.baselineDates.map((d) => ({ value: d, label: `${d} · ${t("dayRole.baseline")}` })),
    ...e.promotionDates.map((d) => ({ value: d, label: `${d} · ${t("dayRole.promotion")}` })),
  ];
  const submit = async () => {
    const v = form.getFieldsValue(true) as { merchantId?: number; date?: string; amountYuan?: number };
    try {
      await enter.mutateAsync({ merchantId: v.merchantId as number, date: v.date as string, amountFen: yuanToFen(v.amountYuan) });
      message.success(t("takings.saved"));
      form.resetFields(["amountYuan"]);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={enter.isPending} title={t("takings.enter")} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="merchantId" label={t("takings.merchant")} required>
          <Select showSearch={{ optionFilterProp: "label" }} options={e.merchants.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="date" label={t("takings.date")} required>
          <Select options={dates} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t("takings.amount")} required>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 活动详情: an event's fields, its life cycle, visitor counts with method and recorder, photos with their EXIF time, and for a promotion its takings and uplift. */
export default function EventPage() {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const id = Number(useParams().id);
  const event = useEvent(Number.isInteger(id) ? id : null);
  const step = useEventStep(id);
  const addPhoto = useAddPhoto(id);
  const [counting, setCounting] = useState(false);
  const [entering, setEntering] = useState(false);
  const [editing, setEditing] = useState(false);
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const manage = can("event.manage");

  if (event.isPending) return <Spin style={{ display: "block", padding: 80 }} />;
  if (event.isError || !event.data) return <Alert type="error" showIcon title={errorMessage(event.error)} />;
  const e = event.data;

  const run = async (to: "approved" | "held" | "reported" | "cancelled") => {
    try {
      await step.mutateAsync({ to });
      message.success(t(`step.done.${to}`));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const attach = async () => {
    for (const fileId of uploadedIds(uploads)) {
      try {
        await addPhoto.mutateAsync({ fileId });
      } catch (error) {
        message.error(errorMessage(error));
      }
    }
    setUploads([]);
  };

  return (
    <div data-testid="event-page">
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/events")}>
            {t("common:action.back")}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="event-heading">
            {e.title}
          </Typography.Title>
          <Tag color={kindColour[e.kind]}>{t(`kind.${e.kind}`)}</Tag>
          <Tag color={statusColour[e.status]} data-testid="event-status">
            {t(`status.${e.status}`)}
          </Tag>
          <div style={{ flex: 1 }} />
          {manage && (editableEventStatuses as readonly string[]).includes(e.status) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">
              {t("detail.edit")}
            </Button>
          )}
          {manage &&
            next[e.status].map((to) =>
              to === "cancelled" ? (
                <Popconfirm key={to} title={t("step.confirmCancel")} onConfirm={() => run(to)}>
                  <Button danger>{t(`step.${to}`)}</Button>
                </Popconfirm>
              ) : (
                <Button key={to} type="primary" onClick={() => run(to)} loading={step.isPending} data-testid={`event-step-${to}`}>
                  {t(`step.${to}`)}
                </Button>
              ),
            )}
        </div>
        <Descriptions column={2} bordered size="small" style={{ marginTop: 16 }} styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t("field.window")}>
            {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.place")}>{e.place}</Descriptions.Item>
          <Descriptions.Item label={t("field.themes")}>
            {e.themes.length ? e.themes.map((x) => <Tag key={x}>{x}</Tag>) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.organisers")}>
            {[...e.organiserUnits, ...e.organiserTeams].map((o) => o.name).join("、") || "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.units")}>{e.units.map((o) => o.name).join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("field.merchants")}>
            {e.merchants.length ? t("detail.merchants", { count: e.merchants.length }) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.budget")}>
            {e.budgetFen === null ? "—" : formatYuan(e.budgetFen)}
            {e.budgetNote ? `（${e.budgetNote}）` : ""}
            {e.projectName ? ` · ${t("field.project")}：${e.projectName}` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.signups")}>
            {e.takesSignups ? `${e.signups}${e.signupCapacity ? ` / ${e.signupCapacity}` : ""}` : t("detail.noSignups")}
          </Descriptions.Item>
          {e.programme && <Descriptions.Item label={t("field.programme")}>{e.programme}</Descriptions.Item>}
          {e.audienceGroup && <Descriptions.Item label={t("field.audienceGroup")}>{e.audienceGroup}</Descriptions.Item>}
          {e.campaignKind && (
            <Descriptions.Item label={t("field.campaignKind")}>
              {t(`campaign.${e.campaignKind}`)} ·{" "}
              <Typography.Link onClick={() => navigate(`/environment?eventId=${e.id}`)}>
                {t("detail.rounds", { count: e.rounds })}
              </Typography.Link>
            </Descriptions.Item>
          )}
          {e.reportSummary && <Descriptions.Item label={t("field.reportSummary")}>{e.reportSummary}</Descriptions.Item>}
          {e.description && (
            <Descriptions.Item label={t("field.description")} span={2}>
              {e.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Uplift e={e} />
      <Card
        title={t("counts.title")}
        style={{ marginTop: 16 }}
        extra={
          manage && (
            <Button onClick={() => setCounting(true)} data-testid="count-add">
              {t("counts.add")}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t("counts.intro")}</Typography.Paragraph>
        <Table<EventCount>
          rowKey="id"
          size="small"
          dataSource={e.counts}
          pagination={e.counts.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty description={t("counts.empty")} /> }}
          scroll={{ x: 900 }}
          data-testid="counts-table"
          columns={[
            { title: t("counts.date"), dataIndex: "date", width: 110 },
            { title: t("counts.dayRole"), dataIndex: "dayRole", width: 90, render: (r: string) => t(`dayRole.${r}`) },
            { title: t("counts.method"), dataIndex: "method", width: 110, render: (m: string) => t(`method.${m}`) },
            { title: t("counts.entrance"), dataIndex: "entrance", width: 90, render: (v: string | null) => v ?? "—" },
            { title: t("counts.entries"), dataIndex: "entries", width: 80, align: "right", render: (v: number | null) => v ?? "—" },
            { title: t("counts.reEntries"), dataIndex: "reEntries", width: 90, align: "right", render: (v: number | null) => v ?? "—" },
            { title: t("counts.exits"), dataIndex: "exits", width: 80, align: "right", render: (v: number | null) => v ?? "—" },
            {
              title: t("counts.visitors"),
              dataIndex: "visitors",
              width: 90,
              align: "right",
              render: (v: number) => <b>{v.toLocaleString()}</b>,
            },
            { title: t("counts.recordedBy"), dataIndex: "recordedBy", width: 120 },
            { title: t("counts.note"), dataIndex: "note", render: (v: string | null) => v ?? "" },
          ]}
        />
      </Card>
      {e.kind === "promotion" && (
        <Card
          title={t("takings.title")}
          style={{ marginTop: 16 }}
          extra={manage && <Button onClick={() => setEntering(true)}>{t("takings.enter")}</Button>}
        >
          <Table<EventTakings>
            rowKey="id"
            size="small"
            dataSource={e.takings}
            pagination={{ pageSize: 10 }}
            locale={{ emptyText: <Empty description={t("takings.empty")} /> }}
            data-testid="takings-table"
            columns={[
              { title: t("takings.merchant"), dataIndex: "merchantName", width: 200 },
              { title: t("takings.date"), dataIndex: "date", width: 110 },
              { title: t("counts.dayRole"), dataIndex: "dayRole", width: 90, render: (r: string) => t(`dayRole.${r}`) },
              { title: t("takings.amount"), dataIndex: "amountFen", width: 140, align: "right", render: formatYuan },
              { title: t("takings.reportedBy"), dataIndex: "reportedBy", width: 140 },
              { title: t("takings.reportedAt"), dataIndex: "reportedAt", width: 150, render: formatDateTime },
            ]}
          />
        </Card>
      )}
      <Card title={t("photos.title")} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t("photos.intro")}</Typography.Paragraph>
        {e.photoList.length === 0 ? (
          <Empty description={t("photos.empty")} />
        ) : (
          <Space size={16} wrap data-testid="event-photos">
            {e.photoList.map((p) => (
              <div key={p.id} style={{ width: 180 }}>
                <Image src={p.url} width={180} height={120} style={{ objectFit: "cover", borderRadius: 4 }} />
                <div style={{ fontSize: 12, marginTop: 4 }}>
                  {p.takenAt ? t("photos.takenAt", { at: formatDateTime(p.takenAt) }) : t("photos.noExif")}
                </div>
                {p.outsideWindow && (
                  <Tag color="warning" icon={<WarningOutlined />} style={{ marginTop: 4 }} data-testid="photo-outside">
                    {t("photos.outside")}
                  </Tag>
                )}
              </div>
            ))}
          </Space>
        )}
        {manage && (
          <div style={{ marginTop: 16 }}>
            <PhotoUpload value={uploads} onChange={setUploads} />
            <Button
              type="primary"
              disabled={uploadedIds(uploads).length === 0}
              loading={addPhoto.isPending}
              onClick={attach}
              data-testid="photos-attach"
            >
              {t("photos.attach")}
            </Button>
          </div>
        )}
      </Card>
      {manage && <CountModal e={e} open={counting} onClose={() => setCounting(false)} />}
      {manage && <TakingsModal e={e} open={entering} onClose={() => setEntering(false)} />}
      {manage && editing && <EventFormDrawer open event={e} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </div>
  );
}
