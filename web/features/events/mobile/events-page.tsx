import { Button, Dialog, DotLoading, ErrorBlock, List, Space, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { stationDate, stationTime } from "../../../../contracts/calendar.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { type ComingEvent, useComingEvents, useSignUp, useWithdrawSignup } from "../api/mine.ts";

function EventItem({ e }: { e: ComingEvent }) {
  const { t } = useTranslation("events");
  const signUp = useSignUp();
  const withdraw = useWithdrawSignup();
  const leave = async () => {
    const ok = await Dialog.confirm({
      content: t("m.events.withdrawConfirm", { title: e.title }),
      confirmText: t("m.events.withdraw"),
      cancelText: t("m.events.keep"),
    });
    if (!ok) return;
    try {
      await withdraw.mutateAsync(e.id);
      Toast.show({ icon: "success", content: t("m.events.withdrawn") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  const join = async () => {
    try {
      await signUp.mutateAsync(e.id);
      Toast.show({ icon: "success", content: t("m.events.signedUp") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  const full = e.signupCapacity !== null && e.signups >= e.signupCapacity;
  return (
    <List.Item
      data-testid={`m-event-${e.id}`}
      description={
        <div>
          <div>
            {stationDate(e.startsAt)} {stationTime(e.startsAt)}–{stationTime(e.endsAt)} · {e.place}
          </div>
          <div style={{ marginTop: 4 }}>
            {e.themes.map((x) => (
              <Tag key={x} color="primary" fill="outline" style={{ marginRight: 4 }}>
                {x}
              </Tag>
            ))}
          </div>
          {e.takesSignups && (
            <div style={{ marginTop: 6 }}>
              {e.signupCapacity
                ? t("m.events.places", { signups: e.signups, capacity: e.signupCapacity })
                : t("m.events.signups", { signups: e.signups })}
            </div>
          )}
        </div>
      }
      extra={
        e.takesSignups ? (
          e.signedUp ? (
            <Space direction="vertical" align="end">
              <Tag color="success">{t("m.events.mine")}</Tag>
              {e.open && (
                <Button size="mini" fill="outline" loading={withdraw.isPending} onClick={leave} data-testid={`m-event-withdraw-${e.id}`}>
                  {t("m.events.withdraw")}
                </Button>
              )}
            </Space>
          ) : (
            <Button
              size="small"
              color="primary"
              disabled={!e.open || full}
              loading={signUp.isPending}
              onClick={join}
              data-testid={`m-event-signup-${e.id}`}
            >
              {full ? t("m.events.full") : t("m.events.signUp")}
            </Button>
          )
        ) : null
      }
    >
      {e.title}
    </List.Item>
  );
}

/** 活动报名: the station's coming events; sign up where an event takes sign-ups. */
export default function MobileEventsPage() {
  const { t } = useTranslation("events");
  const events = useComingEvents();
  return (
    <PageShell title={t("m.events.title")}>
      {events.isPending ? (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
        </div>
      ) : events.isError ? (
        <ErrorBlock status="default" title={errorMessage(events.error)} description="" />
      ) : events.data.length === 0 ? (
        <ErrorBlock status="empty" title={t("m.events.none")} description="" />
      ) : (
        <List data-testid="m-events">
          {events.data.map((e) => (
            <EventItem key={e.id} e={e} />
          ))}
        </List>
      )}
    </PageShell>
  );
}
