import { Button, DotLoading, Input, List, Result, Tag } from "antd-mobile";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { stationDate, stationTime } from "../../../../contracts/calendar.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { PageShell } from "../../../mobile/page-shell.tsx";
import { useMyVolunteering, usePresence } from "../api/mine.ts";
import type { MyActivity, Signup } from "../api/types.ts";
import { hoursOf, occurrenceOfCode } from "../components/labels.ts";

type Done = { kind: "check-in" | "check-out"; signup: Signup; title: string };

/** Check-out when I am checked in and not out yet; check-in otherwise. */
const kindFor = (a: MyActivity | undefined): Done["kind"] =>
  a?.mySignup?.checkedInAt && !a.mySignup.checkedOutAt ? "check-out" : "check-in";

/**
 * 签到签退: opened from the organiser's QR code (the phone's camera opens its link, `?code=`) or with the code typed
 * from the organiser's screen. The same code checks in on arrival and out on leaving.
 */
export default function VolunteerCheckInPage() {
  const { t } = useTranslation("volunteers");
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mine = useMyVolunteering();
  const presence = usePresence();
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fromLink = params.get("code");
  const [working, setWorking] = useState(Boolean(fromLink));
  const sent = useRef(false);
  const today = stationDate(new Date());
  const activities = mine.data?.activities ?? [];
  const todays = activities.filter((a) => a.date === today && a.mySignup && a.mySignup.status !== "waitlisted");

  const submit = async (text: string) => {
    setFailure(null);
    const parsed = occurrenceOfCode(text);
    if (!parsed) {
      setFailure(t("m.checkin.badCode"));
      return;
    }
    const activity = activities.find((a) => a.id === parsed.occurrenceId);
    const send = (kind: Done["kind"]) => presence.mutateAsync({ occurrenceId: parsed.occurrenceId, kind, code: parsed.code });
    let kind = kindFor(activity);
    try {
      let signup: Signup;
      try {
        signup = await send(kind);
      } catch (error) {
        // Checked in from another phone, or before this page knew: the same code checks out.
        if (!(error instanceof ApiError) || error.id !== "volunteer.already_checked_in") throw error;
        kind = "check-out";
        signup = await send(kind);
      }
      setDone({ kind, signup, title: activity?.title ?? "" });
      setTyped("");
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setWorking(false);
    }
  };

  // A code in the address (the QR code's link) is sent once, when my activities are known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sent once per opening
  useEffect(() => {
    if (!fromLink || sent.current || mine.isPending) return;
    sent.current = true;
    // The code is spent on this opening: a reload shows the form rather than sending it again.
    setParams({}, { replace: true });
    void submit(fromLink);
  }, [fromLink, mine.isPending]);

  if (mine.data && !mine.data.volunteer)
    return (
      <PageShell title={t("m.checkin.title")}>
        <Result status="warning" title={t("m.checkin.notRegistered")} description={t("m.checkin.notRegisteredHint")} />
        <div style={{ padding: 16 }}>
          <Button block color="primary" size="large" onClick={() => navigate("/volunteering")}>
            {t("m.register.title")}
          </Button>
        </div>
      </PageShell>
    );

  return (
    <PageShell title={t("m.checkin.title")} back="/volunteering">
      {done ? (
        <>
          <Result
            status="success"
            title={done.kind === "check-in" ? t("m.checkin.checkedIn") : t("m.checkin.checkedOut")}
            description={
              <div data-testid="checkin-result">
                <div style={{ fontSize: 17, color: "#333", margin: "8px 0" }}>{done.title}</div>
                {done.kind === "check-in" ? (
                  <>
                    <div>{t("m.checkin.inAt", { time: done.signup.checkedInAt ? stationTime(done.signup.checkedInAt) : "—" })}</div>
                    <div style={{ marginTop: 8 }}>{t("m.checkin.outLater")}</div>
                  </>
                ) : (
                  <>
                    <div>
                      {t("m.checkin.inOut", {
                        in: done.signup.checkedInAt ? stationTime(done.signup.checkedInAt) : "—",
                        out: done.signup.checkedOutAt ? stationTime(done.signup.checkedOutAt) : "—",
                      })}
                    </div>
                    <div style={{ marginTop: 8, fontSize: 16, color: "#333" }} data-testid="checkout-hours">
                      {(done.signup.minutes ?? 0) > 0
                        ? t("m.checkin.hours", { hours: hoursOf(done.signup.minutes), minutes: done.signup.minutes })
                        : t("m.checkin.tooShort")}
                    </div>
                    <div style={{ marginTop: 4 }}>{t("m.checkin.pending")}</div>
                  </>
                )}
              </div>
            }
          />
          <div style={{ padding: "0 16px", display: "grid", gap: 12 }}>
            {done.kind === "check-out" && (
              <Button block color="primary" size="large" onClick={() => navigate("/volunteering/records")} data-testid="to-records">
                {t("m.records.title")}
              </Button>
            )}
            {done.kind === "check-in" ? (
              <Button block size="large" onClick={() => setDone(null)} data-testid="to-checkout">
                {t("m.checkin.toCheckOut")}
              </Button>
            ) : (
              <Button block size="large" onClick={() => navigate("/volunteering")}>
                {t("m.checkin.done")}
              </Button>
            )}
          </div>
        </>
      ) : working ? (
        <div style={{ padding: 64, textAlign: "center" }}>
          <DotLoading color="primary" />
          <div style={{ marginTop: 12 }}>{t("m.checkin.working")}</div>
        </div>
      ) : (
        <>
          {failure && (
            <div className="dd-refusal" role="alert" data-testid="checkin-error">
              {failure}
            </div>
          )}
          <p className="dd-muted" style={{ margin: "12px 16px 0", fontSize: 14, lineHeight: 1.6 }}>
            {t("m.checkin.scanHint")}
          </p>
          {todays.length > 0 && (
            <List header={t("m.checkin.today")} mode="card" data-testid="checkin-today">
              {todays.map((a) => {
                const s = a.mySignup;
                return (
                  <List.Item
                    key={a.id}
                    description={`${stationTime(a.startsAt)}–${stationTime(a.endsAt)} · ${a.place}`}
                    extra={
                      <Tag color={s?.checkedOutAt ? "success" : s?.checkedInAt ? "primary" : "default"}>
                        {s?.checkedOutAt
                          ? t("m.checkin.stateOut", { time: stationTime(s.checkedOutAt) })
                          : s?.checkedInAt
                            ? t("m.checkin.stateIn", { time: stationTime(s.checkedInAt) })
                            : t("m.checkin.stateNone")}
                      </Tag>
                    }
                  >
                    {a.title}
                  </List.Item>
                );
              })}
            </List>
          )}
          <List header={t("m.checkin.typeTitle")} mode="card">
            <List.Item>
              <Input
                value={typed}
                onChange={setTyped}
                placeholder={t("m.checkin.placeholder")}
                autoComplete="off"
                aria-label={t("m.checkin.typeTitle")}
                onEnterPress={() => submit(typed)}
                style={{ "--font-size": "18px", fontFamily: "ui-monospace, Menlo, monospace" } as never}
                data-testid="checkin-code"
              />
            </List.Item>
          </List>
          <div style={{ padding: "4px 12px" }}>
            <Button
              block
              color="primary"
              size="large"
              disabled={!typed.trim()}
              loading={presence.isPending}
              onClick={() => submit(typed)}
              data-testid="checkin-submit"
            >
              {(() => {
                const parsed = occurrenceOfCode(typed);
                const activity = parsed ? activities.find((a) => a.id === parsed.occurrenceId) : undefined;
                return kindFor(activity) === "check-out" ? t("m.checkin.checkOut") : t("m.checkin.checkIn");
              })()}
            </Button>
          </div>
        </>
      )}
    </PageShell>
  );
}
