import { CheckCircleTwoTone, ExclamationCircleTwoTone, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Image,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type UploadFile,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type CampaignKind, campaignKinds } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { PhotoUpload, uploadedIds } from "../../../components/photo-upload.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type Round, type RoundQuery, useAddFinding, useCreateRound, useRounds } from "../api/environment.ts";

const defaultItems: Record<CampaignKind, string[]> = {
  disinfection: ["公共区域喷洒消毒", "冷鲜区消杀", "垃圾站消杀", "台账登记"],
  sanitation: ["通道无堆物", "垃圾日产日清", "摊位周边整洁", "公厕保洁"],
  road: ["路面平整无坑洼", "井盖完好", "排水通畅", "标线清晰"],
};

function RoundDrawer({ round, onClose }: { round: Round | null; onClose: () => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const [form] = Form.useForm();
  const add = useAddFinding(round?.id ?? 0);
  const [current, setCurrent] = useState<Round | null>(null);
  const r = current?.id === round?.id ? current : round;
  const submit = async () => {
    const v = form.getFieldsValue(true) as { description?: string; place?: string; categoryCode?: string };
    try {
      const next = await add.mutateAsync({
        description: v.description ?? "",
        place: v.place ?? "",
        categoryCode: v.categoryCode ?? "sanitation",
      });
      setCurrent(next);
      form.resetFields();
      message.success(t("environment.findingSaved"));
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Drawer
      open={round !== null}
      onClose={onClose}
      size={620}
      title={r ? `${t(`campaign.${r.kind}`)} · ${r.area} · ${r.date}` : ""}
      destroyOnHidden
    >
      {r && (
        <div data-testid="round-drawer">
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t("environment.campaign")}>{r.eventTitle ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("environment.inspector")}>{r.inspector}</Descriptions.Item>
            <Descriptions.Item label={t("environment.solved")}>
              <span data-testid="round-solved">
                {r.findings.length === 0
                  ? t("environment.clean")
                  : r.solved
                    ? t("environment.solvedAt", { at: formatDateTime(r.solvedAt) })
                    : t("environment.open", { solved: r.findingsSolved, total: r.findings.length })}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("environment.checklist")}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={r.checklist}
            renderItem={(c) => (
              <List.Item>
                {c.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ExclamationCircleTwoTone twoToneColor="#c8161d" />} {c.item}
                {c.note ? `（${c.note}）` : ""}
              </List.Item>
            )}
          />
          {r.photos.length > 0 && (
            <Space style={{ marginTop: 12 }} wrap>
              {r.photos.map((p) => (
                <Image key={p.id} src={p.url} width={120} height={80} style={{ objectFit: "cover" }} />
              ))}
            </Space>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("environment.findings")}
          </Typography.Title>
          {r.findings.length === 0 ? (
            <Empty description={t("environment.noFindings")} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={r.findings}
              data-testid="round-findings"
              renderItem={(f) => (
                <List.Item
                  actions={
                    f.problemId
                      ? [
                          <Typography.Link
                            key="p"
                            onClick={() => navigate(`/problems/${f.problemId}`)}
                            data-testid={`finding-problem-${f.id}`}
                          >
                            {f.problemCode}
                          </Typography.Link>,
                        ]
                      : []
                  }
                >
                  <Space direction="vertical" size={0}>
                    <span>
                      {f.place}：{f.description}
                    </span>
                    <span>
                      <Tag color={f.solved ? "success" : "warning"}>
                        {f.solved ? t("environment.findingSolved") : t("environment.findingOpen")}
                      </Tag>
                      {f.problemStatus && (
                        <Typography.Text type="secondary">
                          {t(`problemStatus.${f.problemStatus}`, { defaultValue: f.problemStatus })}
                        </Typography.Text>
                      )}
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          )}
          {can("event.manage") && (
            <Card size="small" title={t("environment.addFinding")} style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t("environment.findingHint")}</Typography.Paragraph>
              <Form
                form={form}
                layout="vertical"
                initialValues={{ place: r.area, categoryCode: r.kind === "road" ? "facility" : "sanitation" }}
              >
                <Form.Item name="place" label={t("environment.place")} required>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="description" label={t("environment.description")} required>
                  <Input.TextArea rows={2} maxLength={500} data-testid="finding-description" />
                </Form.Item>
                <Form.Item name="categoryCode" label={t("environment.category")}>
                  <Select
                    options={["sanitation", "facility", "safety", "market_order", "other"].map((c) => ({
                      value: c,
                      label: t(`category.${c}`),
                    }))}
                  />
                </Form.Item>
                <Button type="primary" onClick={submit} loading={add.isPending} data-testid="finding-submit">
                  {t("environment.submitFinding")}
                </Button>
              </Form>
            </Card>
          )}
        </div>
      )}
    </Drawer>
  );
}

function NewRoundDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: Round) => void }) {
  const { t } = useTranslation("events");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const kind = (Form.useWatch("kind", form) ?? "sanitation") as CampaignKind;
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const create = useCreateRound();
  const submit = async () => {
    const v = form.getFieldsValue(true) as { kind: CampaignKind; area?: string; date?: dayjs.Dayjs; failing?: string[]; note?: string };
    try {
      const r = await create.mutateAsync({
        kind: v.kind,
        area: v.area ?? "",
        date: v.date?.format("YYYY-MM-DD") ?? "",
        checklist: defaultItems[v.kind].map((item) => ({ item, ok: !(v.failing ?? []).includes(item) })),
        note: v.note,
        photoIds: uploadedIds(uploads),
      });
      form.resetFields();
      setUploads([]);
      onCreated(r);
    } catch (error) {
      if (!applyServerErrors(error, form)) message.error(errorMessage(error));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t("environment.newRound")}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={submit} loading={create.isPending} data-testid="round-submit">
          {t("environment.save")}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: "sanitation", date: dayjs() }}>
        <Form.Item name="kind" label={t("environment.kind")} required>
          <Select options={campaignKinds.map((k) => ({ value: k, label: t(`campaign.${k}`) }))} data-testid="round-kind" />
        </Form.Item>
        <Form.Item name="area" label={t("environment.area")} required>
          <Input maxLength={100} data-testid="round-area" />
        </Form.Item>
        <Form.Item name="date" label={t("environment.date")} required>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="failing" label={t("environment.failing")}>
          <Checkbox.Group options={defaultItems[kind]} />
        </Form.Item>
        <Form.Item label={t("environment.photos")}>
          <PhotoUpload value={uploads} onChange={setUploads} />
        </Form.Item>
        <Form.Item name="note" label={t("environment.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 环境整治: rounds of disinfection, sanitation and road inspection, their checklists and findings, and whether the problems those became are solved. */
export default function EnvironmentPage() {
  const { t } = useTranslation("events");
  const can = useCan();
  const list = useListParams(["kind", "solved", "from", "to", "stationId", "eventId"]);
  const stationColumn = useStationColumn<Round>();
  const stationField = useStationField();
  const [open, setOpen] = useState<Round | null>(null);
  const [creating, setCreating] = useState(false);
  const query: RoundQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    kind: list.filters.kind,
    solved: list.filters.solved,
    from: list.filters.from,
    to: list.filters.to,
    stationId: list.idOf("stationId"),
    eventId: list.idOf("eventId"),
  };
  const rounds = useRounds(query);
  const actions = useActionsColumn<Round>(
    (r) => (
      <RowActions>
        <RowAction onClick={() => setOpen(r)} data-testid={`round-open-${r.id}`}>
          {t("list.open")}
        </RowAction>
      </RowActions>
    ),
    { width: 90 },
  );
  const columns = [
    { title: t("environment.date"), dataIndex: "date", width: 110, fixed: "left" as const },
    { title: t("environment.area"), dataIndex: "area", width: 120 },
    ...stationColumn,
    { title: t("environment.kind"), dataIndex: "kind", width: 110, render: (k: CampaignKind) => t(`campaign.${k}`) },
    { title: t("environment.campaign"), dataIndex: "eventTitle", width: 160, render: (v: string | null) => v ?? "—" },
    {
      title: t("environment.checklist"),
      key: "checklist",
      width: 110,
      render: (_: unknown, r: Round) => `${r.checklist.filter((c) => c.ok).length} / ${r.checklist.length}`,
    },
    {
      title: t("environment.findings"),
      key: "findings",
      width: 110,
      render: (_: unknown, r: Round) => (r.findings.length ? `${r.findingsSolved} / ${r.findings.length}` : "—"),
    },
    {
      title: t("environment.solved"),
      key: "solved",
      width: 160,
      render: (_: unknown, r: Round) =>
        r.findings.length === 0 ? (
          <Tag>{t("environment.clean")}</Tag>
        ) : r.solved ? (
          <Tag color="success">{t("environment.solvedOn", { date: r.solvedAt?.slice(0, 10) })}</Tag>
        ) : (
          <Tag color="warning">{t("environment.pending")}</Tag>
        ),
    },
    { title: t("environment.inspector"), dataIndex: "inspector", width: 120 },
    ...actions,
  ];
  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("environment.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {can("event.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
            {t("environment.newRound")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("environment.search"),
            input: <Input allowClear style={{ width: 200 }} placeholder={t("environment.search")} aria-label={t("environment.search")} />,
          },
          ...stationField,
          {
            name: "kind",
            label: t("environment.kind"),
            input: (
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t("environment.kind")}
                aria-label={t("environment.kind")}
                options={campaignKinds.map((k) => ({ value: k, label: t(`campaign.${k}`) }))}
              />
            ),
          },
          {
            name: "solved",
            label: t("environment.solved"),
            input: (
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t("environment.solved")}
                aria-label={t("environment.solved")}
                options={[
                  { value: "yes", label: t("environment.solvedYes") },
                  { value: "no", label: t("environment.solvedNo") },
                ]}
                data-testid="round-solved-filter"
              />
            ),
          },
          {
            name: "dates",
            label: t("list.dates"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={t("list.dates")} />,
          },
        ]}
      />
      {rounds.isError && <Alert type="error" showIcon title={errorMessage(rounds.error)} style={{ marginBottom: 16 }} />}
      <Table<Round>
        rowKey="id"
        size="middle"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("environment.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: rounds.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
        data-testid="rounds-table"
      />
      <RoundDrawer round={open} onClose={() => setOpen(null)} />
      <NewRoundDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          setOpen(r);
        }}
      />
    </Card>
  );
}
