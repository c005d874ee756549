import { Alert, App, Badge, Button, Descriptions, Drawer, Empty, List, Popconfirm, Space, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useDecideMembership, useTeamMembers } from "../api/teams.ts";
import type { Membership, Team } from "../api/types.ts";

/** A team: its leader, unit and service menu, its join requests to approve or refuse, and its members. */
export function TeamDrawer({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const can = useCan();
  const members = useTeamMembers(team?.id ?? null);
  const decide = useDecideMembership();
  const mayDecide = can("volunteer.lead");
  const rows = members.data ?? [];
  const requests = rows.filter((m) => m.status === "requested");
  const approved = rows.filter((m) => m.status === "approved");

  const run = async (m: Membership, approve: boolean) => {
    try {
      await decide.mutateAsync({ id: m.id, approve });
      message.success(t(approve ? "teams.approved" : "teams.refused", { name: m.volunteerName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Drawer open={team !== null} onClose={onClose} size={600} title={team?.name ?? ""} destroyOnHidden>
      {team && (
        <div data-testid="team-drawer">
          {team.description && <Typography.Paragraph type="secondary">{team.description}</Typography.Paragraph>}
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t("field.leader")}>{team.leaderName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("field.unit")}>{team.unitName ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("field.serviceMenu")}>
              {team.serviceMenu.length ? (
                <Space size={[4, 4]} wrap>
                  {team.serviceMenu.map((item) => (
                    <Tag key={item.kind} color="volcano">
                      {item.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                "—"
              )}
            </Descriptions.Item>
          </Descriptions>
          {members.isError && <Alert type="error" showIcon title={errorMessage(members.error)} style={{ marginTop: 16 }} />}
          {members.isPending ? (
            <Spin style={{ display: "block", padding: 40 }} />
          ) : (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t("teams.requests")} <Badge count={requests.length} showZero color={requests.length ? "#c8161d" : "#bfbfbf"} />
              </Typography.Title>
              {requests.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("teams.noRequests")} />
              ) : (
                <List
                  data-testid="team-requests"
                  dataSource={requests}
                  renderItem={(m) => (
                    <List.Item
                      actions={
                        mayDecide
                          ? [
                              <Button
                                key="approve"
                                type="primary"
                                size="small"
                                loading={decide.isPending && decide.variables?.id === m.id && decide.variables.approve}
                                onClick={() => run(m, true)}
                                data-testid={`request-approve-${m.id}`}
                              >
                                {t("teams.approve")}
                              </Button>,
                              <Popconfirm
                                key="refuse"
                                title={t("teams.refuseConfirm", { name: m.volunteerName })}
                                okText={t("teams.refuse")}
                                okButtonProps={{ danger: true }}
                                cancelText={t("common:action.cancel")}
                                onConfirm={() => run(m, false)}
                              >
                                <Button size="small" danger data-testid={`request-refuse-${m.id}`}>
                                  {t("teams.refuse")}
                                </Button>
                              </Popconfirm>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={`${m.volunteerName} · ${m.volunteerNumber}`}
                        description={t("teams.requestedAt", { time: formatDateTime(m.requestedAt) })}
                      />
                    </List.Item>
                  )}
                />
              )}
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t("teams.members")} <Badge count={approved.length} showZero color="#8c8c8c" overflowCount={999} />
              </Typography.Title>
              {approved.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("teams.noMembers")} />
              ) : (
                <List
                  size="small"
                  data-testid="team-members"
                  dataSource={approved}
                  renderItem={(m) => (
                    <List.Item
                      extra={
                        <Typography.Text type="secondary">{t("teams.memberSince", { date: formatDate(m.decidedAt) })}</Typography.Text>
                      }
                    >
                      <Space>
                        <span>{m.volunteerName}</span>
                        <Typography.Text type="secondary" style={{ fontFamily: "ui-monospace, Menlo, monospace" }}>
                          {m.volunteerNumber}
                        </Typography.Text>
                        {m.volunteerId === team.leaderVolunteerId && <Tag color="red">{t("field.leader")}</Tag>}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
