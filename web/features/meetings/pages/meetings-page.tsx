import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Select, Table, type TableColumnsType, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type Meeting, meetingStatuses } from "../../../../contracts/meetings.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { type MeetingListQuery, useMeetings } from "../api/list-meetings.ts";
import { MeetingFormDrawer } from "../components/meeting-form-drawer.tsx";
import { MeetingStatusTag } from "../components/meeting-status-tag.tsx";

export default function MeetingsPage() {
  const stationColumn = useStationColumn<Meeting>();
  const { t } = useTranslation("meetings");
  const can = useCan();
  const navigate = useNavigate();
  const list = useListParams(["kind", "status", "stationId"]);
  const [creating, setCreating] = useState(false);
  const kind = (list.filters.kind ?? "joint") as Meeting["kind"];
  const query: MeetingListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    kind,
    status: list.filters.status as MeetingListQuery["status"],
    stationId: list.idOf("stationId"),
  };
  const meetings = useMeetings(query);

  const columns: TableColumnsType<Meeting> = [
    { title: t("field.title"), dataIndex: "title", render: (title: string, r) => <Link to={`/meetings/${r.id}`}>{title}</Link> },
    ...stationColumn,
    { title: t("field.startsAt"), dataIndex: "startsAt", width: 160, render: formatDateTime },
    { title: t("field.place"), dataIndex: "place", width: 200, ellipsis: true, render: (v: string | null) => v ?? "—" },
    {
      title: t("attendance.short"),
      key: "attendance",
      width: 120,
      render: (_: unknown, r) => `${r.invitedUnits.filter((u) => u.attended).length} / ${r.invitedUnits.length}`,
    },
    { title: t("resolution.title"), key: "resolutions", width: 120, render: (_: unknown, r) => r.resolutions.length },
    { title: t("field.status"), dataIndex: "status", width: 100, render: (s: Meeting["status"]) => <MeetingStatusTag status={s} /> },
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t("field.status")}
          aria-label={t("field.status")}
          value={query.status}
          onChange={(value) => list.update({ status: value })}
          options={meetingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <StationFilter value={list.filters.stationId} onChange={(v) => list.update({ stationId: v })} />
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/meetings" query={query} name="meetings" />
        {can("meeting.manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-create">
            {t("schedule")}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={kind}
        onChange={(key) => list.update({ kind: key })}
        items={[
          { key: "joint", label: t("kind.joint") },
          { key: "council", label: t("kind.council") },
        ]}
      />
      {meetings.isError && <Alert type="error" showIcon title={errorMessage(meetings.error)} style={{ marginBottom: 16 }} />}
      <Table<Meeting>
        rowKey="id"
        size="middle"
        loading={meetings.isFetching}
        dataSource={meetings.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={t("empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/meetings/${r.id}`) })}
        pagination={listPagination(t, list, meetings.data)}
        columns={columns}
      />
      <MeetingFormDrawer open={creating} kind={kind} onClose={() => setCreating(false)} onSaved={(m) => navigate(`/meetings/${m.id}`)} />
    </Card>
  );
}
