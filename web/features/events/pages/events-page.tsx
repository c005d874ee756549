import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type EventSummary, eventKinds, eventStatuses, eventThemes } from "../../../../contracts/events.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { RowAction, RowActions, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type EventListQuery, useEvents } from "../api/events.ts";
import { EventFormDrawer } from "../components/event-form-drawer.tsx";
import { kindColour, statusColour } from "../components/labels.ts";

/** 活动: promotions, performances, publicity and environment campaigns, by kind, theme, status and dates. */
export default function EventsPage() {
  const { t } = useTranslation("events");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["kind", "status", "theme", "month", "from", "to", "stationId"]);
  const stationColumn = useStationColumn<EventSummary>();
  const stationField = useStationField();
  const [creating, setCreating] = useState(false);
  const query: EventListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    kind: list.filters.kind as EventListQuery["kind"],
    status: list.filters.status as EventListQuery["status"],
    theme: list.filters.theme,
    month: list.filters.month,
    from: list.filters.from,
    to: list.filters.to,
    stationId: list.idOf("stationId"),
  };
  const events = useEvents(query);
  const actions = useActionsColumn<EventSummary>(
    (r) => (
      <RowActions>
        <RowAction to={`/events/${r.id}`} data-testid={`event-open-${r.id}`}>
          {t("list.open")}
        </RowAction>
      </RowActions>
    ),
    { width: 90 },
  );
  const columns = [
    {
      title: t("field.title"),
      dataIndex: "title",
      width: 200,
      fixed: "left" as const,
      render: (title: string, r: EventSummary) => <Typography.Link onClick={() => navigate(`/events/${r.id}`)}>{title}</Typography.Link>,
    },
    ...stationColumn,
    {
      title: t("field.kind"),
      dataIndex: "kind",
      width: 90,
      render: (k: EventSummary["kind"]) => <Tag color={kindColour[k]}>{t(`kind.${k}`)}</Tag>,
    },
    {
      title: t("field.themes"),
      dataIndex: "themes",
      width: 150,
      render: (themes: string[]) =>
        themes.length ? (
          <Space size={[4, 4]} wrap>
            {themes.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </Space>
        ) : (
          "—"
        ),
    },
    { title: t("field.startsAt"), dataIndex: "startsAt", width: 140, render: formatDateTime },
    { title: t("field.place"), dataIndex: "place", width: 120, ellipsis: true },
    {
      title: t("field.visitors"),
      key: "visitors",
      width: 140,
      align: "right" as const,
      render: (_: unknown, r: EventSummary) =>
        r.visitors === null ? (
          "—"
        ) : (
          <span title={r.visitorsMethod ? t(`method.${r.visitorsMethod}`) : ""}>
            {r.visitors.toLocaleString()}
            {r.visitorsMethod ? <Typography.Text type="secondary"> · {t(`method.${r.visitorsMethod}`)}</Typography.Text> : null}
          </span>
        ),
    },
    { title: t("field.photos"), dataIndex: "photos", width: 60, align: "right" as const },
    {
      title: t("field.status"),
      dataIndex: "status",
      width: 80,
      render: (s: EventSummary["status"]) => <Tag color={statusColour[s]}>{t(`status.${s}`)}</Tag>,
    },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("list.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/events" query={query} name="events" />
        {can("event.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-create">
            {t("list.create")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("list.search"),
            input: (
              <Input
                allowClear
                style={{ width: 220 }}
                placeholder={t("list.search")}
                aria-label={t("list.search")}
                data-testid="event-search"
              />
            ),
          },
          ...stationField,
          {
            name: "kind",
            label: t("field.kind"),
            input: (
              <Select
                allowClear
                style={{ width: 130 }}
                placeholder={t("field.kind")}
                aria-label={t("field.kind")}
                options={eventKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                data-testid="event-kind-filter"
              />
            ),
          },
          {
            name: "theme",
            label: t("field.themes"),
            input: (
              <Select
                allowClear
                style={{ width: 130 }}
                placeholder={t("field.themes")}
                aria-label={t("field.themes")}
                options={eventThemes.map((k) => ({ value: k, label: k }))}
              />
            ),
          },
          {
            name: "status",
            label: t("field.status"),
            input: (
              <Select
                allowClear
                style={{ width: 110 }}
                placeholder={t("field.status")}
                aria-label={t("field.status")}
                options={eventStatuses.map((k) => ({ value: k, label: t(`status.${k}`) }))}
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
      {list.filters.month && (
        <Alert
          type="info"
          showIcon
          title={t("list.monthFilter", { month: list.filters.month })}
          action={
            <Button size="small" onClick={() => list.update({ month: undefined })}>
              {t("list.clearMonth")}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {events.isError && <Alert type="error" showIcon title={errorMessage(events.error)} style={{ marginBottom: 16 }} />}
      <Table<EventSummary>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("list.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
        data-testid="events-table"
      />
      <EventFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/events/${id}`);
        }}
      />
    </Card>
  );
}
