import { Alert, Card, DatePicker, Empty, Select, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { incidentKinds } from "../../../../contracts/night-market.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type IncidentListQuery, useIncidents } from "../api/nights.ts";
import type { Incident } from "../api/types.ts";
import { NightMarketNav } from "../components/nav.tsx";

/** 事件记录: the nights' incidents (noise, hygiene, disputes…), the bad records among them and the problems they became. */
export default function IncidentsPage() {
  const { t } = useTranslation("night-market");
  const list = useListParams(["kind", "from", "to", "stationId"]);
  const stationField = useStationField();
  const query: IncidentListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    kind: list.filters.kind as Incident["kind"],
    from: list.filters.from,
    to: list.filters.to,
    stationId: list.idOf("stationId"),
  };
  const incidents = useIncidents(query);
  const columns = [
    { title: t("field.night"), dataIndex: "night", width: 110, fixed: "left" as const },
    { title: t("field.kind"), dataIndex: "kind", width: 80, render: (k: Incident["kind"]) => <Tag>{t(`incidentKind.${k}`)}</Tag> },
    { title: t("field.number"), dataIndex: "pitchNumber", width: 80, render: (v: string | null) => v ?? "—" },
    { title: t("field.operator"), dataIndex: "operatorName", width: 160, render: (v: string | null) => v ?? "—" },
    { title: t("field.description"), dataIndex: "description", width: 320, ellipsis: true },
    {
      title: t("field.badRecord"),
      dataIndex: "badRecord",
      width: 120,
      render: (b: boolean) => (b ? <Tag color="red">{t("field.badRecord")}</Tag> : "—"),
    },
    {
      title: t("field.problem"),
      dataIndex: "problemId",
      width: 90,
      render: (id: number | null) => (id ? <Link to={`/problems/${id}`}>#{id}</Link> : "—"),
    },
  ];
  return (
    <Card>
      <NightMarketNav />
      <div style={{ display: "flex", alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("incidents.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/night-market-incidents" query={query} name="night-market-incidents" />
      </div>
      <QueryForm
        values={{ ...list.filters }}
        onSearch={list.search}
        fields={[
          ...stationField,
          {
            name: "kind",
            label: t("field.kind"),
            input: (
              <Select
                allowClear
                style={{ width: 110 }}
                placeholder={t("field.kind")}
                aria-label={t("field.kind")}
                options={incidentKinds.map((k) => ({ value: k, label: t(`incidentKind.${k}`) }))}
              />
            ),
          },
          {
            name: "dates",
            label: t("field.night"),
            range: { from: "from", to: "to" },
            input: <DatePicker.RangePicker aria-label={t("field.night")} />,
          },
        ]}
      />
      {incidents.isError && <Alert type="error" showIcon title={errorMessage(incidents.error)} style={{ marginBottom: 16 }} />}
      <Table<Incident>
        rowKey="id"
        size="middle"
        loading={incidents.isFetching}
        dataSource={incidents.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("incidents.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: incidents.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={columns}
      />
    </Card>
  );
}
