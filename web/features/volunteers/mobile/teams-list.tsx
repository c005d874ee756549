import { Button, Dialog, ErrorBlock, List, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useLeaveMembership, useMyTeams, useRequestMembership } from "../api/mine.ts";
import type { MyTeam } from "../api/types.ts";

/** 服务队: my station's teams, what they do, and my place in each: ask to join, withdraw the request, leave. */
export function TeamsList() {
  const { t } = useTranslation("volunteers");
  const teams = useMyTeams();
  const request = useRequestMembership();
  const leave = useLeaveMembership();

  const ask = async (team: MyTeam) => {
    try {
      await request.mutateAsync(team.id);
      Toast.show({ icon: "success", content: t("m.teams.requestedToast", { team: team.name }) });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  const quit = async (team: MyTeam) => {
    if (!team.membership) return;
    const pending = team.membership.status === "requested";
    const ok = await Dialog.confirm({
      content: pending ? t("m.teams.cancelConfirm", { team: team.name }) : t("m.teams.leaveConfirm", { team: team.name }),
      confirmText: pending ? t("m.teams.cancelRequest") : t("m.teams.leave"),
      cancelText: t("common:action.cancel"),
    });
    if (!ok) return;
    try {
      await leave.mutateAsync(team.membership.id);
      Toast.show({ icon: "success", content: pending ? t("m.teams.cancelledToast") : t("m.teams.leftToast", { team: team.name }) });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  if (teams.isError) return <ErrorBlock status="default" title={errorMessage(teams.error)} description="" />;
  const items = teams.data ?? [];
  if (!teams.isPending && items.length === 0) return <ErrorBlock status="empty" title={t("m.teams.none")} description="" />;
  return (
    <div data-testid="my-teams">
      {items.map((team) => {
        const status = team.membership?.status;
        const live = status === "requested" || status === "approved";
        return (
          <List key={team.id} mode="card">
            <List.Item
              description={
                <div style={{ display: "grid", gap: 4 }}>
                  {team.description && <span>{team.description}</span>}
                  <span>{t("m.teams.meta", { leader: team.leaderName ?? "—", members: team.members })}</span>
                  {team.serviceMenu.length > 0 && (
                    <div style={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
                      {team.serviceMenu.map((item) => (
                        <Tag key={item.kind} color="primary" fill="outline">
                          {item.name}
                        </Tag>
                      ))}
                    </div>
                  )}
                </div>
              }
              extra={
                <div style={{ display: "grid", gap: 6, justifyItems: "end" }}>
                  {status && status !== "left" && (
                    <Tag color={status === "approved" ? "success" : status === "requested" ? "warning" : "default"}>
                      {t(`m.teams.status.${status}`)}
                    </Tag>
                  )}
                  {live ? (
                    <Button size="small" fill="outline" onClick={() => quit(team)} data-testid={`team-leave-${team.id}`}>
                      {status === "requested" ? t("m.teams.cancelRequest") : t("m.teams.leave")}
                    </Button>
                  ) : (
                    <Button size="small" color="primary" onClick={() => ask(team)} data-testid={`team-join-${team.id}`}>
                      {t("m.teams.join")}
                    </Button>
                  )}
                </div>
              }
            >
              <span style={{ fontWeight: 600 }}>{team.name}</span>
            </List.Item>
          </List>
        );
      })}
    </div>
  );
}
