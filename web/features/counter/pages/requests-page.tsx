import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Input, Row, Spin, Statistic, Table, Tabs, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { monthRange, shiftMonth, stationDate, stationMonth } from "../../../../contracts/calendar.ts";
import { requestChannels, requestStatuses, type ServiceRequest } from "../../../../contracts/counter.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { useCounterFigures } from "../api/figures.ts";
import { useServiceItems } from "../api/list-items.ts";
import { exportServiceRequests, type RequestListQuery, useServiceRequests } from "../api/list-requests.ts";
import { hearts, heartsAverage, StatusTag } from "../components/labels.tsx";
import { useUnitOptions } from "../components/unit-options.ts";

const EChart = lazy(() => import("../../../components/echart.tsx"));

function ListTab() {
  const stationColumn = useStationColumn<ServiceRequest>();
  const { t } = useTranslation("counter");
  const { message } = App.useApp();
  const list = useListParams(["tab", "status", "itemId", "unitId", "channel", "from", "to", "overdue", "stationId"]);
  const stationField = useStationField();
  const units = useUnitOptions();
  const items = useServiceItems({ page: 1, pageSize: 100 });
  const query: RequestListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    status: list.filters.status as RequestListQuery["status"],
    itemId: list.idOf("itemId"),
    unitId: list.idOf("unitId"),
    stationId: list.idOf("stationId"),
    channel: list.filters.channel as RequestListQuery["channel"],
    from: list.filters.from,
    to: list.filters.to,
    overdue: list.filters.overdue === "true" ? "true" : undefined,
  };
  const requests = useServiceRequests(query);
  const download = async () => {
    try {
      const { page: _p, pageSize: _s, ...filters } = query;
      await exportServiceRequests(filters);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <QueryForm
        values={{ ...list.filters, q: list.q, itemId: list.idOf("itemId"), unitId: list.idOf("unitId") }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("requests.searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("requests.searchPlaceholder")} data-testid="request-search" />,
          },
          selectField(
            "status",
            t("field.status"),
            requestStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
            { width: 130 },
          ),
          selectField(
            "itemId",
            t("field.item"),
            (items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` })),
            { width: 240, search: true },
          ),
          ...(units.length > 0 ? [selectField("unitId", t("field.unit"), units, { width: 220, search: true })] : []),
          selectField(
            "channel",
            t("field.channel"),
            requestChannels.map((c) => ({ value: c, label: t(`channel.${c}`) })),
            { width: 120 },
          ),
          {
            name: "dates",
            label: t("field.date"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker style={{ width: 260 }} aria-label={t("field.date")} />,
          },
          ...stationField,
          {
            name: "overdue",
            label: t("requests.overdueOnly"),
            valuePropName: "checked",
            input: <Checkbox>{t("requests.overdueOnly")}</Checkbox>,
          },
        ]}
        extra={
          <Button icon={<DownloadOutlined />} onClick={download}>
            {t("common:action.export")}
          </Button>
        }
      />
      {requests.isError && <Alert type="error" showIcon title={errorMessage(requests.error)} style={{ marginBottom: 16 }} />}
      <Table<ServiceRequest>
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        scroll={{ x: 1250 }}
        locale={{ emptyText: <Empty description={t("requests.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, requests.data)}
        columns={[
          { title: t("field.date"), dataIndex: "date", width: 110 },
          ...stationColumn,
          {
            title: t("field.queueNo"),
            dataIndex: "queueNo",
            width: 70,
            render: (n: number | null) => (n === null ? "—" : String(n).padStart(3, "0")),
          },
          {
            title: t("field.item"),
            key: "item",
            width: 240,
            render: (_: unknown, r) => <Link to={`/services/requests/${r.id}`}>{r.itemName}</Link>,
          },
          { title: t("field.unit"), dataIndex: "unitName", width: 190, ellipsis: true },
          { title: t("field.channel"), dataIndex: "channel", width: 90, render: (c: string) => t(`channel.${c}`) },
          { title: t("field.applicant"), dataIndex: "applicantName", width: 200, ellipsis: true },
          { title: t("field.mobile"), dataIndex: "applicantMobile", width: 120, render: (m: string | null) => m ?? "—" },
          {
            title: t("field.status"),
            dataIndex: "status",
            width: 150,
            render: (s: ServiceRequest["status"], r) => <StatusTag status={s} overdue={r.overdue} />,
          },
          { title: t("field.dueDate"), dataIndex: "dueDate", width: 110, render: (v: string | null) => v ?? "—" },
          { title: t("field.completedAt"), dataIndex: "completedAt", width: 110, render: formatDate },
          {
            title: t("hearts.title"),
            key: "hearts",
            width: 90,
            render: (_: unknown, r) => (r.rating ? `♥ ${heartsAverage(r.rating).toFixed(1)}` : "—"),
          },
        ]}
      />
    </>
  );
}

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(2));

function FiguresTab() {
  const { t } = useTranslation("counter");
  const list = useListParams(["tab", "from", "to"]);
  const now = new Date();
  const from = list.filters.from ?? monthRange(shiftMonth(stationMonth(now), -11)).from;
  const to = list.filters.to ?? stationDate(now);
  const figures = useCounterFigures(from, to);
  const f = figures.data;

  const monthly = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 30 },
        xAxis: { type: "category", data: f.byMonth.map((m) => m.month) },
        yAxis: { type: "value", name: t("figures.requestsUnit"), minInterval: 1 },
        series: [
          {
            name: t("channel.booking"),
            type: "bar",
            stack: "all",
            data: f.byMonth.map((m) => m.bookings),
            itemStyle: { color: "#c41d1d" },
          },
          { name: t("channel.walk_in"), type: "bar", stack: "all", data: f.byMonth.map((m) => m.walkIns), itemStyle: { color: "#e8a33d" } },
        ],
      },
    [f, t],
  );
  const byUnit = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: "value", min: 0, max: 5, interval: 1 },
        yAxis: { type: "category", inverse: true, data: f.heartsByUnit.map((u) => u.unitName) },
        series: hearts.map((h, i) => ({
          name: t(`hearts.${h}`),
          type: "bar",
          barMaxWidth: 8,
          data: f.heartsByUnit.map((u) => u[h]),
          itemStyle: { color: ["#a8071a", "#cf1322", "#f5222d", "#ff7875", "#ffa39e"][i] },
        })),
      },
    [f, t],
  );

  const onTimeShare = f && f.forwarded.finished > 0 ? Math.round((f.forwarded.onTime / f.forwarded.finished) * 1000) / 10 : null;
  const total = f?.byMonth.reduce((s, m) => s + m.requests, 0) ?? 0;
  const done = f?.byMonth.reduce((s, m) => s + m.done, 0) ?? 0;
  const overall = f && f.hearts.ratings > 0 ? hearts.reduce((s, h) => s + (f.hearts[h] ?? 0), 0) / hearts.length : null;

  return (
    <>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) =>
            list.update({ from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined })
          }
        />
      </div>
      {figures.isError && <Alert type="error" showIcon title={errorMessage(figures.error)} style={{ marginBottom: 16 }} />}
      {figures.isPending ? (
        <Spin style={{ display: "block", padding: 80 }} />
      ) : f ? (
        <div data-testid="counter-figures">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("figures.requests")} value={total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t("figures.done")} value={done} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("figures.onTime", { finished: f.forwarded.finished })}
                  value={onTimeShare ?? "—"}
                  suffix={onTimeShare === null ? undefined : "%"}
                />
                {f.forwarded.overdueOpen > 0 && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t("figures.overdueOpen", { count: f.forwarded.overdueOpen })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t("figures.hearts", { count: f.hearts.ratings })}
                  value={overall === null ? "—" : overall.toFixed(2)}
                  suffix={overall === null ? undefined : "/ 5"}
                  data-testid="figures-hearts"
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t("figures.byMonth")}>
                {f.byMonth.length === 0 ? (
                  <Empty description={t("requests.empty")} />
                ) : (
                  <Suspense fallback={<Spin />}>{monthly && <EChart option={monthly} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t("figures.heartsByUnit")}>
                {f.heartsByUnit.length === 0 ? (
                  <Empty description={t("figures.noRatings")} />
                ) : (
                  <Suspense fallback={<Spin />}>{byUnit && <EChart option={byUnit} height={300} />}</Suspense>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("figures.heartsTable")} style={{ marginTop: 16 }}>
            <Table
              rowKey="unitId"
              size="small"
              pagination={false}
              scroll={{ x: 760 }}
              dataSource={[...f.heartsByUnit, { ...f.hearts, unitId: 0, unitName: t("figures.overall") }]}
              columns={[
                { title: t("field.unit"), dataIndex: "unitName", width: 220 },
                { title: t("figures.ratings"), dataIndex: "ratings", width: 90, align: "right" },
                ...hearts.map((h) => ({ title: t(`hearts.${h}`), dataIndex: h, width: 80, align: "right" as const, render: fmt })),
              ]}
            />
          </Card>
        </div>
      ) : null}
    </>
  );
}

/** 办件记录: every request with its filters and export, and the figures computed from them. */
export default function RequestsPage() {
  const { t } = useTranslation("counter");
  const list = useListParams(["tab"]);
  const tab = list.filters.tab ?? "list";
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("requests.title")}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.update({ tab: key === "list" ? undefined : key, from: undefined, to: undefined })}
        items={[
          { key: "list", label: t("requests.tabList"), children: tab === "list" ? <ListTab /> : null },
          { key: "figures", label: t("requests.tabFigures"), children: tab === "figures" ? <FiguresTab /> : null },
        ]}
      />
    </Card>
  );
}
