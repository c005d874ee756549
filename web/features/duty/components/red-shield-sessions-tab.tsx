import { Alert, Empty, Segmented, Select, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { weekdayOf } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { useSessions } from "../api/red-shield.ts";
import type { RedShieldSession } from "../api/types.ts";
import { sessionStatusColour } from "./labels.ts";

/** The post's sessions (upcoming, past or all), each linked to its page of bookings. */
export function SessionsTab() {
  const stationColumn = useStationColumn<RedShieldSession>();
  const { t } = useTranslation("duty");
  const list = useListParams(["when", "status", "stationId"]);
  const when = (list.filters.when as "upcoming" | "past" | "all" | undefined) ?? "upcoming";
  const filters = { when, status: list.filters.status as RedShieldSession["status"] | undefined, stationId: list.idOf("stationId") };
  const actions = useActionsColumn<RedShieldSession>(
    (s) => <RowAction to={`/services/red-shield/${s.id}`}>{t("common:action.view")}</RowAction>,
    {
      width: 80,
    },
  );
  const sessions = useSessions({ page: list.page, pageSize: list.pageSize, ...filters });
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
        <StationFilter value={list.filters.stationId} onChange={(v) => list.update({ stationId: v })} />
        <ExportButton path="/api/red-shield/sessions" query={filters} name="red-shield-sessions" />
      </Space>
      {sessions.isError && <Alert type="error" showIcon title={errorMessage(sessions.error)} style={{ marginBottom: 12 }} />}
      <Table<RedShieldSession>
        rowKey="id"
        size="middle"
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        data-testid="rs-sessions"
        locale={{ emptyText: <Empty description={t("rs.noSessions")} /> }}
        pagination={{ ...listPagination(t, list, sessions.data), onChange: (page, pageSize) => list.update({ page, pageSize }, true) }}
        columns={[
          {
            title: t("field.date"),
            dataIndex: "date",
            width: 190,
            render: (date: string, s) => <Link to={`/services/red-shield/${s.id}`}>{`${date} ${t(`weekday.${weekdayOf(date)}`)}`}</Link>,
          },
          ...stationColumn,
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
          ...actions,
        ]}
      />
    </>
  );
}
