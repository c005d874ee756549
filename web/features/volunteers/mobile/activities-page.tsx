import { Button, DotLoading, ErrorBlock, Tabs } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { stationDate } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { useMeQuery } from "../../../app/session.tsx";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { useMyVolunteering } from "../api/mine.ts";
import { hoursOf } from "../components/labels.ts";
import { ActivityCard } from "./activity-card.tsx";
import { RegisterForm } from "./register-form.tsx";
import { TeamsList } from "./teams-list.tsx";

type Tab = "coming" | "mine" | "teams";

/** 志愿活动: my teams' coming activities to join (places left, the waiting list), my sign-ups, and the station's teams. */
export default function VolunteerActivitiesPage() {
  const { t } = useTranslation("volunteers");
  const navigate = useNavigate();
  const me = useMeQuery().data;
  const mine = useMyVolunteering();
  const [params, setParams] = useSearchParams();
  const [tab, setTabState] = useState<Tab>((params.get("tab") as Tab | null) ?? "coming");
  const setTab = (next: Tab) => {
    setTabState(next);
    setParams(next === "coming" ? {} : { tab: next }, { replace: true });
  };
  const today = stationDate(new Date());
  const data = mine.data;
  const v = data?.volunteer;

  if (mine.isPending)
    return (
      <PageShell title={t("m.activities.title")}>
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      </PageShell>
    );
  if (mine.isError || !data)
    return (
      <PageShell title={t("m.activities.title")}>
        <ErrorBlock status="default" title={errorMessage(mine.error)} description="" />
      </PageShell>
    );
  if (!v)
    return (
      <PageShell title={t("m.activities.title")}>
        <RegisterForm defaultName={me?.role === "volunteer" ? "" : (me?.displayName ?? "")} />
      </PageShell>
    );

  const myTeamIds = v.teams.filter((m) => m.status === "approved").map((m) => m.teamId);
  const coming = data.activities.filter((a) => a.status === "open" || a.mySignup);
  const signed = data.activities.filter((a) => a.mySignup);

  return (
    <PageShell title={t("m.activities.title")}>
      <div className="dd-hero" style={{ padding: "16px 20px 20px" }}>
        <h1 style={{ fontSize: 22 }} data-testid="volunteer-name">
          {v.realName}
        </h1>
        <p>
          {t("m.activities.number")} <span className="dd-gold">{v.number}</span>
        </p>
        <p style={{ marginTop: 4 }}>{t("m.activities.certified", { hours: hoursOf(data.certifiedMinutes) })}</p>
        <div style={{ display: "flex", gap: 8, marginTop: 12 }}>
          <Button size="small" onClick={() => navigate("/volunteer-checkin")} data-testid="go-checkin">
            {t("m.checkin.title")}
          </Button>
          <Button size="small" onClick={() => navigate("/volunteering/records")} data-testid="go-records">
            {t("m.records.title")}
          </Button>
        </div>
      </div>
      <Tabs activeKey={tab} onChange={(key) => setTab(key as Tab)} style={{ background: "#fff" }}>
        <Tabs.Tab title={t("m.activities.tabComing")} key="coming" />
        <Tabs.Tab title={t("m.activities.tabMine", { count: signed.length })} key="mine" />
        <Tabs.Tab title={t("m.activities.tabTeams")} key="teams" />
      </Tabs>
      {tab === "teams" ? (
        <TeamsList />
      ) : myTeamIds.length === 0 ? (
        <ErrorBlock status="empty" title={t("m.activities.noTeam")} description={t("m.activities.noTeamHint")}>
          <Button color="primary" onClick={() => setTab("teams")}>
            {t("m.activities.findTeam")}
          </Button>
        </ErrorBlock>
      ) : (tab === "coming" ? coming : signed).length === 0 ? (
        <ErrorBlock status="empty" title={tab === "coming" ? t("m.activities.none") : t("m.activities.noneMine")} description="" />
      ) : (
        <div data-testid={tab === "coming" ? "activities-coming" : "activities-mine"}>
          {(tab === "coming" ? coming : signed).map((a) => (
            <ActivityCard key={a.id} a={a} myTeamIds={myTeamIds} today={today} />
          ))}
        </div>
      )}
    </PageShell>
  );
}
