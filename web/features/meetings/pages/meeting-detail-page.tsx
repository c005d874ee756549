import { ArrowLeftOutlined, CheckCircleFilled, DeleteOutlined, PlusOutlined, QrcodeOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type ActionItem, type Meeting, meetingActionSchema } from "../../../../contracts/meetings.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { translateValidation } from "../../../app/form-errors.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useAddAgendaItem } from "../api/add-agenda-item.ts";
import { useMeeting } from "../api/get-meeting.ts";
import { useMeetingAction } from "../api/meeting-action.ts";
import { useRecordAttendance } from "../api/record-attendance.ts";
import { useRemoveAgendaItem } from "../api/remove-agenda-item.ts";
import { CheckInModal } from "../components/checkin-modal.tsx";
import { ActionItemStatusTag, MeetingStatusTag } from "../components/meeting-status-tag.tsx";
import { ResolutionModal } from "../components/resolution-modal.tsx";

const sourceColours = { problem: "red", need: "gold", custom: "blue" } as const;

function AgendaCard({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation("meetings");
  const { message } = App.useApp();
  const add = useAddAgendaItem();
  const remove = useRemoveAgendaItem();
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");
  const editable = manage && meeting.status === "scheduled";

  const submit = async () => {
    if (title.trim().length === 0) {
      message.error(translateValidation("v.required"));
      return;
    }
    try {
      await add.mutateAsync({ id: meeting.id, input: { title: title.trim(), note: note.trim() || null, version: meeting.version } });
      setTitle("");
      setNote("");
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card title={t("agenda.title")} extra={<Typography.Text type="secondary">{t("agenda.hint")}</Typography.Text>}>
      <List
        dataSource={meeting.agenda}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("agenda.empty")} /> }}
        renderItem={(item, index) => (
          <List.Item
            actions={
              editable
                ? [
                    <Button
                      key="remove"
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t("common:action.delete")}
                      loading={remove.isPending && remove.variables?.itemId === item.id}
                      onClick={() => remove.mutate({ id: meeting.id, itemId: item.id }, { onError: (e) => message.error(errorMessage(e)) })}
                    />,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{index + 1}.</span>
                  <Tag color={sourceColours[item.source]}>{t(`agenda.source.${item.source}`)}</Tag>
                  {item.source === "problem" && item.refId ? <Link to={`/problems/${item.refId}`}>{item.title}</Link> : item.title}
                </Space>
              }
              description={item.note}
            />
          </List.Item>
        )}
      />
      {editable && (
        <Space.Compact style={{ width: "100%", marginTop: 12 }}>
          <Input
            placeholder={t("agenda.itemTitle")}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={100}
            style={{ width: "40%" }}
          />
          <Input placeholder={t("agenda.itemNote")} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          <Button type="primary" icon={<PlusOutlined />} onClick={submit} loading={add.isPending}>
            {t("agenda.add")}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

function AttendanceCard({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation("meetings");
  const { message } = App.useApp();
  const record = useRecordAttendance();
  const [name, setName] = useState("");
  const [unitId, setUnitId] = useState<number | undefined>();

  const submit = async () => {
    if (!name.trim()) {
      message.error(translateValidation("v.required"));
      return;
    }
    try {
      await record.mutateAsync({ id: meeting.id, input: { name: name.trim(), ...(unitId ? { unitId } : {}) } });
      setName("");
      setUnitId(undefined);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card title={t("attendance.title", { count: meeting.attendance.length })}>
      <div style={{ marginBottom: 12, display: "flex", flexWrap: "wrap", gap: 6 }}>
        {meeting.invitedUnits.map((u) => (
          <Tag key={u.id} color={u.attended ? "success" : "default"} icon={u.attended ? <CheckCircleFilled /> : undefined}>
            {u.name}
          </Tag>
        ))}
      </div>
      <Table
        rowKey={(a) => `${a.userId ?? a.name}-${a.checkedInAt}`}
        size="small"
        pagination={false}
        dataSource={meeting.attendance}
        locale={{ emptyText: t("checkin.nobody") }}
        columns={[
          { title: t("attendance.name"), dataIndex: "name" },
          { title: t("attendance.unit"), dataIndex: "unitName", render: (v: string | null) => v ?? "—" },
          { title: t("attendance.at"), dataIndex: "checkedInAt", width: 150, render: formatDateTime },
          { title: t("attendance.method"), dataIndex: "method", width: 90, render: (m: string) => t(`method.${m}`) },
        ]}
      />
      {manage && meeting.status !== "cancelled" && (
        <Space.Compact style={{ width: "100%", marginTop: 12 }}>
          <Input
            placeholder={t("attendance.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            style={{ width: "35%" }}
          />
          <Select
            allowClear
            placeholder={t("attendance.unit")}
            value={unitId}
            onChange={setUnitId}
            style={{ width: "45%" }}
            options={meeting.invitedUnits.map((u) => ({ value: u.id, label: u.name }))}
          />
          <Button onClick={submit} loading={record.isPending}>
            {t("attendance.record")}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

function MinutesCard({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation("meetings");
  const { message, modal } = App.useApp();
  const action = useMeetingAction();
  const [minutes, setMinutes] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setMinutes(meeting.minutes ?? ""), [meeting.minutes]);

  const hold = () => {
    setError(null);
    const parsed = meetingActionSchema.safeParse({ action: "hold", minutes, version: meeting.version });
    if (!parsed.success) {
      setError(translateValidation(parsed.error.issues[0].message));
      return;
    }
    modal.confirm({
      title: t("holdConfirm"),
      onOk: async () => {
        try {
          await action.mutateAsync({ id: meeting.id, input: parsed.data });
          message.success(t("held"));
        } catch (e) {
          setError(e instanceof ApiError && e.id === "record.conflict" ? `${e.message} ${t("conflictReload")}` : errorMessage(e));
        }
      },
    });
  };

  if (meeting.status !== "scheduled" || !manage)
    return (
      <Card title={t("minutes.title")}>
        {meeting.minutes ? (
          <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }} data-testid="meeting-minutes">
            {meeting.minutes}
          </div>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("minutes.none")} />
        )}
      </Card>
    );
  return (
    <Card title={t("minutes.title")}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        rows={8}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        maxLength={20000}
        showCount
        placeholder={t("minutes.placeholder")}
        data-testid="meeting-minutes-input"
      />
      <Button type="primary" style={{ marginTop: 16 }} onClick={hold} loading={action.isPending} data-testid="meeting-hold">
        {t("hold")}
      </Button>
    </Card>
  );
}

function ResolutionsCard({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation("meetings");
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t("resolution.title")}
      extra={
        manage && meeting.status === "held" ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="resolution-add">
            {t("resolution.add")}
          </Button>
        ) : null
      }
    >
      {meeting.status === "scheduled" && <Typography.Paragraph type="secondary">{t("resolution.afterHold")}</Typography.Paragraph>}
      <Table<ActionItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meeting.resolutions}
        locale={{ emptyText: t("resolution.none") }}
        onRow={(r) => ({ className: r.overdue && r.status === "open" ? "dd-row-overdue" : undefined })}
        columns={[
          { title: t("resolution.text"), dataIndex: "text" },
          { title: t("resolution.ownerUnit"), dataIndex: "ownerUnitName", width: 220 },
          { title: t("resolution.dueDate"), dataIndex: "dueDate", width: 110, render: formatDate },
          { title: t("field.status"), key: "status", width: 100, render: (_: unknown, r) => <ActionItemStatusTag item={r} /> },
          { title: t("resolution.note"), dataIndex: "note", width: 200, render: (v: string | null) => v ?? "—" },
        ]}
      />
      <ResolutionModal meeting={meeting} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

export default function MeetingDetailPage() {
  const { t } = useTranslation("meetings");
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  const action = useMeetingAction();
  const [checkinOpen, setCheckinOpen] = useState(false);
  const [cancelForm] = Form.useForm();

  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) return <Result status="error" title={errorMessage(meeting.error)} />;
  const m = meeting.data;
  const manage = can("meeting.manage");

  const cancel = () =>
    modal.confirm({
      title: t("cancelTitle"),
      content: (
        <Form form={cancelForm} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="reason" label={t("cancelReason")} required>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      ),
      okButtonProps: { danger: true },
      onOk: async () => {
        const reason = String(cancelForm.getFieldValue("reason") ?? "").trim();
        try {
          await action.mutateAsync({ id: m.id, input: { action: "cancel", reason, version: m.version } });
          message.success(t("cancelled"));
        } catch (error) {
          message.error(errorMessage(error));
          throw error;
        }
      },
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12 }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t("common:action.back")} />
          <Tag color={m.kind === "joint" ? "red" : "gold"}>{t(`kind.${m.kind}`)}</Tag>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
            {m.title}
          </Typography.Title>
          <MeetingStatusTag status={m.status} />
          <div style={{ flex: 1 }} />
          <Space wrap>
            {manage && m.status !== "cancelled" && (
              <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setCheckinOpen(true)} data-testid="meeting-checkin">
                {t("checkin.open")}
              </Button>
            )}
            {manage && m.status === "scheduled" && (
              <Button danger onClick={cancel}>
                {t("cancel")}
              </Button>
            )}
          </Space>
        </div>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t("field.startsAt")}>{formatDateTime(m.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t("field.place")}>{m.place ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("field.invitedUnits")}>{t("invitedCount", { count: m.invitedUnits.length })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <AgendaCard meeting={m} manage={manage} />
            <MinutesCard meeting={m} manage={manage} />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <AttendanceCard meeting={m} manage={manage} />
        </Col>
      </Row>
      <ResolutionsCard meeting={m} manage={manage} />
      {manage && <CheckInModal meeting={m} open={checkinOpen} onClose={() => setCheckinOpen(false)} />}
    </Space>
  );
}
