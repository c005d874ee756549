import { Alert, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { politicalStatuses } from "../../../../contracts/volunteers.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate } from "../../../app/format.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { QueryForm } from "../../../components/query-form.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { useVolunteers, type VolunteerListQuery } from "../api/list-volunteers.ts";
import { useTeams } from "../api/teams.ts";
import type { Volunteer } from "../api/types.ts";
import { politicalColour } from "../components/labels.ts";
import { VolunteerDrawer } from "../components/volunteer-drawer.tsx";

/** 志愿者: the station's volunteers by volunteer number, searched by name or number, filtered by team and political status. */
export default function VolunteersPage() {
  const { t } = useTranslation("volunteers");
  const stationColumn = useStationColumn<Volunteer>();
  const list = useListParams(["teamId", "politicalStatus", "stationId"]);
  const [open, setOpen] = useState<Volunteer | null>(null);
  const stationField = useStationField();
  const stationId = list.idOf("stationId");
  const teamId = list.idOf("teamId");
  const query: VolunteerListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    teamId,
    politicalStatus: list.filters.politicalStatus as VolunteerListQuery["politicalStatus"],
    stationId,
  };
  const volunteers = useVolunteers(query);
  const teams = useTeams(stationId);

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("volunteers.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/volunteers" query={query} name="volunteers" />
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q, teamId }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("volunteers.search"),
            input: (
              <Input
                allowClear
                style={{ width: 240 }}
                placeholder={t("volunteers.search")}
                aria-label={t("volunteers.search")}
                data-testid="volunteer-search"
              />
            ),
          },
          ...stationField,
          {
            name: "teamId",
            label: t("field.team"),
            input: (
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                style={{ width: 240 }}
                placeholder={t("field.team")}
                aria-label={t("field.team")}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                data-testid="volunteer-team-filter"
              />
            ),
          },
          {
            name: "politicalStatus",
            label: t("field.politicalStatus"),
            input: (
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t("field.politicalStatus")}
                aria-label={t("field.politicalStatus")}
                options={politicalStatuses.map((s) => ({ value: s, label: t(`politicalStatus.${s}`) }))}
                data-testid="volunteer-political-filter"
              />
            ),
          },
        ]}
      />
      {volunteers.isError && <Alert type="error" showIcon title={errorMessage(volunteers.error)} style={{ marginBottom: 16 }} />}
      <Table<Volunteer>
        rowKey="id"
        size="middle"
        loading={volunteers.isFetching}
        dataSource={volunteers.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("volunteers.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: "pointer" } })}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: volunteers.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
          {
            title: t("field.number"),
            dataIndex: "number",
            width: 120,
            fixed: "left",
            render: (n: string) => <Typography.Text style={{ fontFamily: "ui-monospace, Menlo, monospace" }}>{n}</Typography.Text>,
          },
          {
            title: t("field.realName"),
            dataIndex: "realName",
            width: 120,
            render: (name: string, r) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen(r);
                }}
              >
                {name}
              </Typography.Link>
            ),
          },
          ...stationColumn,
          {
            title: t("field.politicalStatus"),
            dataIndex: "politicalStatus",
            width: 130,
            render: (s: Volunteer["politicalStatus"]) => <Tag color={politicalColour[s]}>{t(`politicalStatus.${s}`)}</Tag>,
          },
          {
            title: t("field.teams"),
            key: "teams",
            render: (_: unknown, r) => {
              const approved = r.teams.filter((m) => m.status === "approved");
              const requested = r.teams.filter((m) => m.status === "requested");
              if (!approved.length && !requested.length) return "—";
              return (
                <Space size={[4, 4]} wrap>
                  {approved.map((m) => (
                    <Tag key={m.membershipId}>{m.teamName}</Tag>
                  ))}
                  {requested.map((m) => (
                    <Tag key={m.membershipId} color="gold">
                      {t("volunteers.requested", { team: m.teamName })}
                    </Tag>
                  ))}
                </Space>
              );
            },
          },
          {
            title: t("field.skills"),
            dataIndex: "skills",
            width: 200,
            ellipsis: true,
            render: (skills: string[]) => (skills.length ? skills.join("、") : "—"),
          },
          { title: t("field.consentAt"), dataIndex: "consentAt", width: 120, render: formatDate },
        ]}
      />
      <VolunteerDrawer volunteer={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
