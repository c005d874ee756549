import { Alert, Badge, Card, Empty, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { StationFilter, useStationColumn } from "../../../components/station-filter.tsx";
import { useTeams } from "../api/teams.ts";
import type { Team } from "../api/types.ts";
import { TeamDrawer } from "../components/team-drawer.tsx";

/** 服务队: the station's volunteer teams with leaders, members and service menus; their join requests are decided here. */
export default function TeamsPage() {
  const { t } = useTranslation("volunteers");
  const stationColumn = useStationColumn<Team>();
  const list = useListParams(["stationId", "team"]);
  const stationId = list.filters.stationId ? Number(list.filters.stationId) : undefined;
  const teams = useTeams(stationId);
  // The open team is in the address, so a link can open its drawer (and back closes it).
  const openId = list.filters.team ? Number(list.filters.team) : null;
  const setOpenId = (id: number | null) => list.update({ team: id }, true);
  const open = teams.data?.find((team) => team.id === openId) ?? null;
  const pending = (teams.data ?? []).reduce((n, team) => n + team.requests, 0);

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("teams.title")}
        </Typography.Title>
        {pending > 0 && <Tag color="gold">{t("teams.pending", { count: pending })}</Tag>}
        <div style={{ flex: 1 }} />
        <StationFilter value={stationId} onChange={(v) => list.update({ stationId: v })} />
      </div>
      {teams.isError && <Alert type="error" showIcon title={errorMessage(teams.error)} style={{ marginBottom: 16 }} />}
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isFetching}
        dataSource={teams.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t("teams.empty")} /> }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: "pointer" } })}
        columns={[
          {
            title: t("field.teamName"),
            dataIndex: "name",
            width: 260,
            render: (name: string, r) => (
              <div>
                <Typography.Link
                  onClick={(e) => {
                    e.stopPropagation();
                    setOpenId(r.id);
                  }}
                >
                  {name}
                </Typography.Link>
                {r.description && (
                  <div style={{ color: "#666", fontSize: 12, marginTop: 2 }} title={r.description}>
                    {r.description}
                  </div>
                )}
              </div>
            ),
          },
          ...stationColumn,
          { title: t("field.leader"), dataIndex: "leaderName", width: 100, render: (v: string | null) => v ?? "—" },
          { title: t("field.unit"), dataIndex: "unitName", width: 170, ellipsis: true, render: (v: string | null) => v ?? "—" },
          {
            title: t("field.serviceMenu"),
            dataIndex: "serviceMenu",
            render: (menu: Team["serviceMenu"]) =>
              menu.length ? (
                <Space size={[4, 4]} wrap>
                  {menu.map((item) => (
                    <Tag key={item.kind} color="volcano">
                      {item.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                "—"
              ),
          },
          { title: t("field.members"), dataIndex: "members", width: 80, align: "right" },
          {
            title: t("field.requests"),
            dataIndex: "requests",
            width: 90,
            align: "right",
            render: (n: number) => (n ? <Badge count={n} color="#c8161d" /> : <span style={{ color: "#666" }}>0</span>),
          },
        ]}
      />
      <TeamDrawer team={open} onClose={() => setOpenId(null)} />
    </Card>
  );
}
