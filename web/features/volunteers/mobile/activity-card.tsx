import { Button, Dialog, List, Tag, Toast } from "antd-mobile";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { stationTime, weekdayOf } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useSignUp, useWithdraw } from "../api/mine.ts";
import type { MyActivity } from "../api/types.ts";
import { ConfirmAttendance } from "./confirm-attendance.tsx";

const mobileSignupColour = {
  signed_up: "primary",
  waitlisted: "warning",
  attended: "success",
  no_show: "danger",
  withdrawn: "default",
} as const;

/** The day of an activity as a volunteer reads it: 12月16日 周三. */
export function useDayLabel() {
  const { t } = useTranslation("volunteers");
  return (date: string) => `${dayjs(date).format(t("m.dayFormat"))} ${t(`weekday.${weekdayOf(date)}`)}`;
}

/**
 * One coming activity on the phone: when and where, the places left in my team (or the waiting list), and what I
 * may do: sign up, join the waiting list, withdraw, check in on the day.
 */
export function ActivityCard({ a, myTeamIds, today }: { a: MyActivity; myTeamIds: number[]; today: string }) {
  const { t } = useTranslation("volunteers");
  const navigate = useNavigate();
  const signUp = useSignUp();
  const withdraw = useWithdraw();
  const dayLabel = useDayLabel();
  const now = Date.now();
  const mine = a.mySignup;
  const team = a.teams.find((x) => (mine ? x.teamId === mine.teamId : myTeamIds.includes(x.teamId)));
  const left = team ? Math.max(0, team.places - team.signedUp) : 0;
  const closed = a.status !== "open";
  const pastDeadline = now > Date.parse(a.signupDeadline);
  const started = now >= Date.parse(a.startsAt);
  const isToday = a.date === today;

  const join = async () => {
    try {
      const s = await signUp.mutateAsync({ occurrenceId: a.id, teamId: team?.teamId });
      Toast.show({
        icon: "success",
        content: s.status === "waitlisted" ? t("m.activities.waitlistedToast", { arrival: s.arrival }) : t("m.activities.signedUpToast"),
      });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  const leave = async () => {
    if (!mine) return;
    const ok = await Dialog.confirm({
      content: t("m.activities.withdrawConfirm", { title: a.title, date: dayLabel(a.date) }),
      confirmText: t("m.activities.withdraw"),
      cancelText: t("common:action.cancel"),
    });
    if (!ok) return;
    try {
      await withdraw.mutateAsync(mine.id);
      Toast.show({ icon: "success", content: t("m.activities.withdrawnToast") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };

  let action: React.ReactNode = null;
  if (closed) action = <Tag color="default">{t(`occurrenceStatus.${a.status}`)}</Tag>;
  else if (mine) {
    action = (
      <div style={{ display: "grid", gap: 6, justifyItems: "end" }}>
        <Tag color={mobileSignupColour[mine.status]} data-testid={`my-status-${a.id}`}>
          {mine.status === "waitlisted" ? t("m.activities.waitingNo", { arrival: mine.arrival }) : t(`signupStatus.${mine.status}`)}
        </Tag>
        {!started && <ConfirmAttendance signup={mine} />}
        {isToday && (mine.status === "signed_up" || mine.status === "attended") && !mine.checkedOutAt && (
          <Button size="small" color="primary" onClick={() => navigate("/volunteer-checkin")} data-testid={`checkin-${a.id}`}>
            {mine.checkedInAt ? t("m.checkin.checkOut") : t("m.checkin.checkIn")}
          </Button>
        )}
        {!started && (mine.status === "signed_up" || mine.status === "waitlisted") && (
          <Button size="small" fill="outline" color="danger" onClick={leave} loading={withdraw.isPending} data-testid={`withdraw-${a.id}`}>
            {t("m.activities.withdraw")}
          </Button>
        )}
      </div>
    );
  } else if (pastDeadline) action = <Tag color="default">{t("m.activities.deadlinePassed")}</Tag>;
  else
    action = (
      <Button
        size="small"
        color="primary"
        fill={left > 0 ? "solid" : "outline"}
        onClick={join}
        loading={signUp.isPending}
        data-testid={`signup-${a.id}`}
      >
        {left > 0 ? t("m.activities.signUp") : t("m.activities.joinWaitlist")}
      </Button>
    );

  return (
    <List mode="card" data-testid={`activity-${a.id}`}>
      <List.Item
        description={
          <div style={{ display: "grid", gap: 2 }}>
            <span>{`${stationTime(a.startsAt)}–${stationTime(a.endsAt)} · ${a.place}`}</span>
            {team && !closed && (
              <span style={{ color: left > 0 ? "var(--adm-color-success)" : "var(--adm-color-warning)" }}>
                {left > 0
                  ? t("m.activities.placesLeft", { left, places: team.places })
                  : t("m.activities.full", { waiting: team.waitlisted })}
              </span>
            )}
            {!closed && !mine && !pastDeadline && <span>{t("m.activities.deadline", { time: formatDateTime(a.signupDeadline) })}</span>}
            {mine?.checkedInAt && (
              <span>
                {t("m.activities.checkedIn", { time: stationTime(mine.checkedInAt) })}
                {mine.checkedOutAt && ` · ${t("m.activities.checkedOut", { time: stationTime(mine.checkedOutAt) })}`}
              </span>
            )}
          </div>
        }
        extra={action}
      >
        <div style={{ fontWeight: 600 }}>
          {dayLabel(a.date)}
          {isToday && (
            <Tag color="danger" style={{ marginLeft: 6 }}>
              {t("calendar.today")}
            </Tag>
          )}
        </div>
        <div style={{ fontSize: 15, marginTop: 2 }}>{a.title}</div>
      </List.Item>
    </List>
  );
}
