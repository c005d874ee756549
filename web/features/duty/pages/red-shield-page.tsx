import { CalendarOutlined, EditOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  TimePicker,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { monthRange, shiftMonth, stationDate, stationMonth, weekdayOf } from "../../../../contracts/calendar.ts";
import { consultationOutcomes, consultationTopics, planUpdateSchema } from "../../../../contracts/duty.ts";
import { describeRule, type RepeatRule } from "../../../../contracts/schedule.ts";
import { currentLanguage, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { useConsultations, useGenerateSessions, usePlan, useRedShieldFigures, useSavePlan, useSessions } from "../api/red-shield.ts";
import { useRoster } from "../api/roster.ts";
import type { Consultation, Plan, RedShieldSession } from "../api/types.ts";
import { outcomeColour, sessionStatusColour, weekdayNumbers } from "../components/labels.ts";
import "../duty.css";

const EChart = lazy(() => import("../../../components/echart.tsx"));

interface PlanValues {
  unitId?: number;
  nth: number[];
  weekday: number;
  times?: [Dayjs, Dayjs];
  slotMinutes?: number;
  place?: string;
  active: boolean;
}

function PlanModal({ open, onClose, plan }: { open: boolean; onClose: () => void; plan: Plan | null }) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const roster = useRoster({ month: stationMonth(new Date()) });
  const save = useSavePlan();
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    const rule = plan?.rule.kind === "monthly_nth" ? plan.rule : { kind: "monthly_nth" as const, nth: [2, 4], weekday: 3 };
    form.setFieldsValue({
      unitId: plan?.unitId ?? roster.data?.units.find((u) => u.name.includes("市场监督"))?.id,
      nth: rule.nth,
      weekday: rule.weekday,
      times: [dayjs(`2000-01-01T${plan?.startTime ?? "10:00"}`), dayjs(`2000-01-01T${plan?.endTime ?? "12:00"}`)],
      slotMinutes: plan?.slotMinutes ?? 20,
      place: plan?.place ?? "",
      active: plan?.active ?? true,
    });
  }, [open, plan, form, roster.data]);
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue(true) as PlanValues;
    const input = {
      unitId: v.unitId,
      rule: { kind: "monthly_nth", nth: v.nth ?? [], weekday: v.weekday },
      startTime: v.times?.[0]?.format("HH:mm"),
      endTime: v.times?.[1]?.format("HH:mm"),
      slotMinutes: v.slotMinutes,
      place: v.place,
      active: v.active,
      stationId: roster.data?.stationId,
    };
    const checked = validateWith(planUpdateSchema, input, form);
    if (!checked.ok) return;
    try {
      await save.mutateAsync(checked.data);
      message.success(t("rs.planSaved"));
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("rs.planEdit")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={620}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="unitId" label={t("rs.unit")} required>
          <Select options={(roster.data?.units ?? []).filter((u) => u.kind !== "inactive").map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Space size={24} align="start">
          <Form.Item name="nth" label={t("rule.nth")} required>
            <Checkbox.Group options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t("rule.nthLabel", { n }) }))} />
          </Form.Item>
          <Form.Item name="weekday" label={t("rule.weekday")} required>
            <Select style={{ width: 120 }} options={weekdayNumbers.map((d) => ({ value: d, label: t(`weekday.${d}`) }))} />
          </Form.Item>
        </Space>
        <Space size={24} align="start">
          <Form.Item name="times" label={t("field.hours")} required>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} allowClear={false} />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t("rs.slotMinutes")} required>
            <InputNumber min={10} max={120} step={5} addonAfter={t("rs.minutes")} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t("rs.place")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="active" label={t("rs.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SessionsTab() {
  const { t } = useTranslation("duty");
  const list = useListParams(["when", "status"]);
  const when = (list.filters.when as "upcoming" | "past" | "all" | undefined) ?? "upcoming";
  const sessions = useSessions({
    page: list.page,
    pageSize: list.pageSize,
    when,
    status: list.filters.status as RedShieldSession["status"] | undefined,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={when}
          onChange={(v) => list.update({ when: v === "upcoming" ? undefined : v })}
          options={(["upcoming", "past", "all"] as const).map((w) => ({ value: w, label: t(`rs.when.${w}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("field.status")}
          value={list.filters.status}
          onChange={(v) => list.update({ status: v })}
          options={(["scheduled", "held", "cancelled"] as const).map((s) => ({ value: s, label: t(`rs.status.${s}`) }))}
        />
      </Space>
      {sessions.isError && <Alert type="error" showIcon title={errorMessage(sessions.error)} style={{ marginBottom: 12 }} />}
      <Table<RedShieldSession>
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        data-testid="rs-sessions"
        locale={{ emptyText: <Empty description={t("rs.noSessions")} /> }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: sessions.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
          onChange: (page, pageSize) => list.update({ page, pageSize }, true),
        }}
        columns={[
          {
            title: t("field.date"),
            dataIndex: "date",
            width: 190,
            render: (date: string, s) => <Link to={`/services/red-shield/${s.id}`}>{`${date} ${t(`weekday.${weekdayOf(date)}`)}`}</Link>,
          },
          { title: t("field.hours"), key: "hours", width: 130, render: (_: unknown, s) => `${s.startTime}–${s.endTime}` },
          { title: t("rs.place"), dataIndex: "place", ellipsis: true },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 110,
            render: (status: string, s) => (
              <Tag color={sessionStatusColour[status]} title={s.cancelReason ?? undefined}>
                {t(`rs.status.${status}`)}
              </Tag>
            ),
          },
          { title: t("rs.booked"), key: "booked", width: 110, render: (_: unknown, s) => `${s.booked} / ${s.slots}` },
          { title: t("rs.attended"), dataIndex: "attended", width: 90 },
          { title: t("rs.consultations"), dataIndex: "consultations", width: 100 },
          {
            title: t("common:actions"),
            key: "actions",
            width: 90,
            render: (_: unknown, s) => <Link to={`/services/red-shield/${s.id}`}>{t("common:action.view")}</Link>,
          },
        ]}
      />
    </>
  );
}

function ConsultationsTab() {
  const { t } = useTranslation("duty");
  const list = useListParams(["topic", "outcome", "merchantId", "merchantName"]);
  const merchantId = list.filters.merchantId ? Number(list.filters.merchantId) : undefined;
  const consultations = useConsultations({
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    topic: list.filters.topic as Consultation["topic"] | undefined,
    outcome: list.filters.outcome as Consultation["outcome"] | undefined,
    merchantId,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t("rs.searchConsultations")}
          defaultValue={list.q}
          onSearch={(q) => list.update({ q })}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t("rs.topic")}
          value={list.filters.topic}
          onChange={(v) => list.update({ topic: v })}
          options={consultationTopics.map((c) => ({ value: c, label: t(`topic.${c}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("rs.outcome")}
          value={list.filters.outcome}
          onChange={(v) => list.update({ outcome: v })}
          options={consultationOutcomes.map((c) => ({ value: c, label: t(`outcome.${c}`) }))}
        />
        {merchantId && (
          <Tag
            closable
            onClose={() => list.update({ merchantId: undefined, merchantName: undefined })}
            color="red"
            data-testid="rs-merchant-filter"
          >
            {t("rs.historyOf", { name: list.filters.merchantName ?? merchantId })}
          </Tag>
        )}
      </Space>
      <Table<Consultation>
        rowKey="id"
        size="middle"
        loading={consultations.isFetching}
        dataSource={consultations.data?.items ?? []}
        locale={{ emptyText: <Empty description={t("rs.noConsultations")} /> }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: consultations.data?.total ?? 0,
          showTotal: (total) => t("common:total", { total }),
          onChange: (page, pageSize) => list.update({ page, pageSize }, true),
        }}
        columns={[
          {
            title: t("field.date"),
            dataIndex: "date",
            width: 130,
            render: (date: string, c) => (c.sessionId ? <Link to={`/services/red-shield/${c.sessionId}`}>{date}</Link> : date),
          },
          {
            title: t("rs.merchant"),
            dataIndex: "merchantName",
            width: 200,
            render: (name: string, c) => (
              <Typography.Link onClick={() => list.update({ merchantId: c.merchantId, merchantName: name })} title={t("rs.showHistory")}>
                {name}
              </Typography.Link>
            ),
          },
          { title: t("rs.topic"), dataIndex: "topic", width: 110, render: (v: string) => t(`topic.${v}`) },
          { title: t("rs.summary"), dataIndex: "summary", ellipsis: true },
          {
            title: t("rs.outcome"),
            dataIndex: "outcome",
            width: 100,
            render: (v: string) => <Tag color={outcomeColour[v]}>{t(`outcome.${v}`)}</Tag>,
          },
          { title: t("rs.officer"), dataIndex: "officerName", width: 160, render: (v: string | null) => v ?? "—" },
        ]}
      />
    </>
  );
}

function FiguresTab() {
  const { t } = useTranslation("duty");
  const list = useListParams(["from", "to"]);
  const now = new Date();
  const from = list.filters.from ?? monthRange(shiftMonth(stationMonth(now), -11)).from;
  const to = list.filters.to ?? stationDate(now);
  const figures = useRedShieldFigures({ from, to });
  const f = figures.data;
  const topicOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 100, right: 24, top: 16, bottom: 24 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: f.byTopic.map((r) => t(`topic.${r.topic}`)).reverse() },
        series: [
          {
            type: "bar",
            data: f.byTopic.map((r) => r.count).reverse(),
            itemStyle: { color: "#c8102e" },
            label: { show: true, position: "right" },
          },
        ],
      },
    [f, t],
  );
  const monthOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 40, right: 16, top: 16, bottom: 30 },
        xAxis: { type: "category", data: f.byMonth.map((r) => r.month) },
        yAxis: { type: "value", minInterval: 1 },
        series: [{ type: "bar", data: f.byMonth.map((r) => r.count), itemStyle: { color: "#d48806" } }],
      },
    [f],
  );
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
          }
        />
      </Space>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} />}
      {figures.isPending ? (
        <Spin style={{ display: "block", padding: 60 }} />
      ) : f ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.total")} value={f.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.merchants")} value={f.merchants} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("rs.figures.sessionsHeld")} value={f.sessionsHeld} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("rs.figures.solvedRate")}
                  value={
                    f.total === 0 ? "—" : `${Math.round(((f.byOutcome.find((o) => o.outcome === "solved")?.count ?? 0) / f.total) * 100)}%`
                  }
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("rs.figures.byTopic")}>
                {f.total === 0 ? (
                  <Empty />
                ) : (
                  <Suspense fallback={<Spin />}>{topicOption && <EChart option={topicOption} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t("rs.figures.byMonth")}>
                {f.byMonth.length === 0 ? (
                  <Empty />
                ) : (
                  <Suspense fallback={<Spin />}>{monthOption && <EChart option={monthOption} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}

/** 红盾驿站: the bureau's post at the station — its schedule, sessions, consultations and figures. */
export default function RedShieldPage() {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const can = useCan();
  const list = useListParams(["tab"]);
  const tab = list.filters.tab ?? "sessions";
  const plan = usePlan();
  const generate = useGenerateSessions();
  const figures = useRedShieldFigures({});
  const [planOpen, setPlanOpen] = useState(false);
  const manage = can("redshield.manage");
  const p = plan.data?.plan ?? null;
  const rule = p?.rule as RepeatRule | undefined;

  const runGenerate = async () => {
    try {
      const result = await generate.mutateAsync({ days: 60, stationId: plan.data?.stationId });
      message.success(t("rs.generated", { created: result.created, until: result.until }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
          <SafetyCertificateOutlined style={{ fontSize: 22, color: "#c8102e" }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("rs.title")}
          </Typography.Title>
          <div style={{ flex: 1 }} />
          {manage && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setPlanOpen(true)} data-testid="rs-plan-edit">
                {t("rs.planEdit")}
              </Button>
              <Button
                type="primary"
                icon={<CalendarOutlined />}
                onClick={runGenerate}
                loading={generate.isPending}
                disabled={!p}
                data-testid="rs-generate"
              >
                {t("rs.generate")}
              </Button>
            </>
          )}
        </div>
        {plan.isPending ? (
          <Spin />
        ) : p && rule ? (
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} xl={14}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t("rs.schedule")}>
                  {describeRule(rule, currentLanguage())} {`${p.startTime}–${p.endTime}`}
                  {!p.active && (
                    <Tag style={{ marginInlineStart: 8 }} color="default">
                      {t("rs.paused")}
                    </Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t("rs.slotMinutes")}>{t("rs.slotEvery", { minutes: p.slotMinutes })}</Descriptions.Item>
                <Descriptions.Item label={t("rs.place")}>{p.place}</Descriptions.Item>
                <Descriptions.Item label={t("rs.unit")}>{p.unitName}</Descriptions.Item>
              </Descriptions>
            </Col>
            <Col xs={8} xl={3}>
              <Statistic title={t("rs.figures.yearTotal")} value={figures.data?.total ?? "—"} />
            </Col>
            <Col xs={8} xl={3}>
              <Statistic title={t("rs.figures.merchants")} value={figures.data?.merchants ?? "—"} />
            </Col>
            <Col xs={8} xl={4}>
              <Statistic title={t("rs.figures.sessionsHeld")} value={figures.data?.sessionsHeld ?? "—"} />
            </Col>
          </Row>
        ) : (
          <Empty description={t("rs.noPlan")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => list.update({ tab: key === "sessions" ? undefined : key })}
          items={[
            { key: "sessions", label: t("rs.tabSessions"), children: tab === "sessions" ? <SessionsTab /> : null },
            { key: "consultations", label: t("rs.tabConsultations"), children: tab === "consultations" ? <ConsultationsTab /> : null },
            { key: "figures", label: t("rs.tabFigures"), children: tab === "figures" ? <FiguresTab /> : null },
          ]}
        />
      </Card>
      <PlanModal open={planOpen} onClose={() => setPlanOpen(false)} plan={p} />
    </div>
  );
}
