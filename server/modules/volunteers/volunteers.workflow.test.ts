import { describe, expect, it } from "vitest";
import { createVault } from "../../platform/crypto.ts";
import { mealMinutes } from "./volunteer-hours.ts";
import { checkCode, issueCode } from "./volunteers.checkin.ts";
import {
  activityDaysOf,
  assignStep,
  certificationState,
  certifyStep,
  closeStep,
  confirmationDue,
  confirmStep,
  correctStep,
  isFinal,
  mealDeliveryFinal,
  objectStep,
  paperEntryAction,
  paperRosterStep,
  presenceStep,
  promotionOf,
  publicUntilOf,
  recordPeriodStep,
  servedStep,
  serviceMinutes,
  signupDecision,
  substituteStep,
  withdrawStep,
} from "./volunteers.workflow.ts";

// An activity on the 16th, 10:00–12:00 station time (02:00–04:00 UTC), sign-up closing the day before.
const occ = {
  status: "open" as const,
  signupDeadline: "2026-12-15T02:00:00.000Z",
  startsAt: "2026-12-16T02:00:00.000Z",
  endsAt: "2026-12-16T04:00:00.000Z",
};
const at = (iso: string) => new Date(iso);
const before = at("2026-12-10T00:00:00.000Z");

describe("sign-up", () => {
  it("takes a place while the team has one, else the waiting list", () => {
    expect(signupDecision({ occurrence: occ, now: before, alreadyLive: false, places: 10, signedUpInTeam: 9 })).toEqual({
      ok: true,
      status: "signed_up",
    });
    expect(signupDecision({ occurrence: occ, now: before, alreadyLive: false, places: 10, signedUpInTeam: 10 })).toEqual({
      ok: true,
      status: "waitlisted",
    });
  });
  it("refuses past the deadline, twice, and on a withdrawn or cancelled occurrence", () => {
    const base = { now: before, alreadyLive: false, places: 10, signedUpInTeam: 0 };
    expect(signupDecision({ ...base, occurrence: occ, now: at("2026-12-15T02:00:00.001Z") })).toEqual({
      ok: false,
      refusal: "signup_closed",
    });
    expect(signupDecision({ ...base, occurrence: occ, now: at(occ.signupDeadline) }).ok).toBe(true);
    expect(signupDecision({ ...base, occurrence: occ, alreadyLive: true })).toEqual({ ok: false, refusal: "already_signed_up" });
    for (const status of ["withdrawn", "cancelled"] as const) {
      expect(signupDecision({ ...base, occurrence: { ...occ, status } })).toEqual({ ok: false, refusal: "occurrence_closed" });
    }
  });
  it("30 arrivals for 10 places: the first 10 signed up, 20 waiting in order", () => {
    let taken = 0;
    const outcome = Array.from({ length: 30 }, () => {
      const d = signupDecision({ occurrence: occ, now: before, alreadyLive: false, places: 10, signedUpInTeam: taken });
      if (d.ok && d.status === "signed_up") taken++;
      return d.ok ? d.status : null;
    });
    expect(outcome.slice(0, 10).every((s) => s === "signed_up")).toBe(true);
    expect(outcome.slice(10).every((s) => s === "waitlisted")).toBe(true);
  });
});

describe("promotion and withdrawal", () => {
  it("promotes exactly the earliest waiting sign-up when a place is free", () => {
    const list = [
      { id: 1, status: "signed_up" as const, arrival: 1 },
      { id: 4, status: "waitlisted" as const, arrival: 5 },
      { id: 3, status: "waitlisted" as const, arrival: 3 },
    ];
    expect(promotionOf(list, 2)).toBe(3);
    expect(promotionOf(list, 1)).toBeNull();
    expect(promotionOf([{ id: 1, status: "signed_up", arrival: 1 }], 2)).toBeNull();
  });
  it("withdraws live sign-ups before the start only", () => {
    expect(withdrawStep("signed_up", occ, before)).toBeNull();
    expect(withdrawStep("waitlisted", occ, before)).toBeNull();
    for (const s of ["withdrawn", "no_show", "attended"] as const) expect(withdrawStep(s, occ, before)).toBe("signup_transition");
    expect(withdrawStep("signed_up", occ, at(occ.startsAt))).toBe("occurrence_closed");
    expect(withdrawStep("signed_up", { ...occ, status: "cancelled" }, before)).toBe("occurrence_closed");
  });
  it("withdraws an occurrence nobody joined, cancels one people joined", () => {
    expect(closeStep(occ, "withdraw", 0)).toBeNull();
    expect(closeStep(occ, "withdraw", 3)).toEqual({ refusal: "has_signups", count: 3 });
    expect(closeStep(occ, "cancel", 3)).toBeNull();
    expect(closeStep(occ, "cancel", 0)).toEqual({ refusal: "no_signups" });
    expect(closeStep({ status: "withdrawn" }, "cancel", 1)).toEqual({ refusal: "occurrence_closed" });
  });
});

describe("check-in and check-out", () => {
  const signedUp = { status: "signed_up" as const, checkedInAt: null, checkedOutAt: null };
  const inside = at("2026-12-16T02:10:00.000Z");
  it("checks in from 30 minutes before the start to the end", () => {
    expect(presenceStep(signedUp, occ, "check_in", at("2026-12-16T01:30:00.000Z"))).toBeNull();
    expect(presenceStep(signedUp, occ, "check_in", at("2026-12-16T01:29:59.000Z"))).toBe("checkin_not_open");
    expect(presenceStep(signedUp, occ, "check_in", at("2026-12-16T04:00:01.000Z"))).toBe("checkin_not_open");
    expect(presenceStep({ ...signedUp, status: "waitlisted" }, occ, "check_in", inside)).toBe("not_signed_up");
    expect(presenceStep(null, occ, "check_in", inside)).toBe("not_signed_up");
    expect(presenceStep({ status: "attended", checkedInAt: inside.toISOString(), checkedOutAt: null }, occ, "check_in", inside)).toBe(
      "already_checked_in",
    );
    expect(presenceStep(signedUp, { ...occ, status: "cancelled" }, "check_in", inside)).toBe("occurrence_closed");
  });
  it("refuses check-out before check-in, and twice", () => {
    expect(presenceStep(signedUp, occ, "check_out", inside)).toBe("not_checked_in");
    const checkedIn = { status: "attended" as const, checkedInAt: inside.toISOString(), checkedOutAt: null };
    expect(presenceStep(checkedIn, occ, "check_out", at("2026-12-16T04:30:00.000Z"))).toBeNull();
    expect(presenceStep({ ...checkedIn, checkedOutAt: "2026-12-16T04:00:00.000Z" }, occ, "check_out", inside)).toBe("already_checked_out");
    expect(presenceStep(checkedIn, occ, "check_out", at("2026-12-16T07:00:01.000Z"))).toBe("checkin_not_open");
  });
});

describe("hours: clipped to the window, counted at 60 % presence", () => {
  // The window is 120 minutes: 60 % is 72 minutes.
  const cases: [string, string, number, boolean][] = [
    ["2026-12-16T01:40:00.000Z", "2026-12-16T04:30:00.000Z", 120, true], // early and late: clipped to 120
    ["2026-12-16T02:00:00.000Z", "2026-12-16T03:12:00.000Z", 72, true], // exactly 60 %
    ["2026-12-16T02:00:00.000Z", "2026-12-16T03:11:00.000Z", 0, false], // 71 minutes: under 60 %, nothing counts
    ["2026-12-16T02:30:00.000Z", "2026-12-16T04:00:00.000Z", 90, true], // came 30 minutes late
    ["2026-12-16T02:45:00.000Z", "2026-12-16T05:00:00.000Z", 75, true], // late in, late out: 02:45–04:00
    ["2026-12-16T04:10:00.000Z", "2026-12-16T04:20:00.000Z", 0, false], // after the window: no presence
  ];
  it.each(cases)("in %s out %s → %i minutes", (checkIn, checkOut, minutes, counted) => {
    const r = serviceMinutes(occ, checkIn, checkOut);
    expect(r.windowMinutes).toBe(120);
    expect(r.minutes).toBe(minutes);
    expect(r.counted).toBe(counted);
  });
  it("reports the presence even when it does not count", () => {
    expect(serviceMinutes(occ, "2026-12-16T02:00:00.000Z", "2026-12-16T03:11:00.000Z").presentMinutes).toBe(71);
  });
});

describe("certification, public notice and objections", () => {
  const ended = at("2026-12-16T04:00:00.000Z");
  const uncertified = { ...occ, certifiedAt: null, publicUntil: null, openObjections: 0 };
  const certifiedAt = "2026-12-16T05:00:00.000Z";
  const publicUntil = publicUntilOf(at(certifiedAt)).toISOString();
  const certified = { ...occ, certifiedAt, publicUntil, openObjections: 0 };
  const during = at("2026-12-20T00:00:00.000Z");
  const after = at(publicUntil);

  it("public notice lasts 7 days", () => expect(publicUntil).toBe("2026-12-23T05:00:00.000Z"));
  it("certifies once, after the end, an open occurrence", () => {
    expect(certifyStep(uncertified, at("2026-12-16T03:59:00.000Z"))).toBe("not_ended");
    expect(certifyStep(uncertified, ended)).toBeNull();
    expect(certifyStep(certified, during)).toBe("already_certified");
    expect(certifyStep({ ...uncertified, status: "cancelled" }, ended)).toBe("occurrence_closed");
  });
  it("moves uncertified → publicised → final, held while an objection is open", () => {
    expect(certificationState(uncertified, during)).toBe("uncertified");
    expect(certificationState(certified, during)).toBe("publicised");
    expect(certificationState(certified, after)).toBe("final");
    expect(certificationState({ ...certified, openObjections: 1 }, after)).toBe("publicised");
  });
  it("corrects during the notice only, within the window", () => {
    expect(correctStep(uncertified, 60, during)).toBe("not_certified");
    expect(correctStep(certified, 60, during)).toBeNull();
    expect(correctStep(certified, 121, during)).toBe("hours_outside_window");
    expect(correctStep(certified, 60, after)).toBe("hours_final");
    expect(correctStep({ ...certified, openObjections: 1 }, 60, after)).toBeNull();
  });
  it("takes objections during the notice, one open at a time", () => {
    expect(objectStep(uncertified, false, during)).toBe("not_certified");
    expect(objectStep(certified, false, during)).toBeNull();
    expect(objectStep(certified, true, during)).toBe("objection_open");
    expect(objectStep(certified, false, after)).toBe("hours_final");
  });
});

describe("the rotating check-in code", () => {
  const vault = createVault("test-secret-test-secret-test-secret-0123");
  const now = at("2026-12-16T02:05:10.000Z");
  it("is accepted in its minute and the next, for its occurrence only", () => {
    const { code, expiresAt } = issueCode(vault, 7, now);
    expect(checkCode(vault, code, 7, now)).toBeNull();
    expect(checkCode(vault, code, 7, new Date(expiresAt.getTime() - 1))).toBeNull();
    expect(checkCode(vault, code, 7, expiresAt)).toBe("code_expired");
    expect(checkCode(vault, code, 8, now)).toBe("code_other_occurrence");
  });
  it("refuses a forged or malformed code", () => {
    const { code } = issueCode(vault, 7, now);
    const [o, slot, sig] = code.split(".");
    expect(checkCode(vault, `${o}.${Number(slot) + 1}.${sig}`, 7, now)).toBe("code_invalid");
    expect(checkCode(vault, `8.${slot}.${sig}`, 8, now)).toBe("code_invalid");
    expect(checkCode(createVault("another-secret-another-secret-012345"), code, 7, now)).toBe("code_invalid");
    expect(checkCode(vault, "hello", 7, now)).toBe("code_invalid");
  });
});

describe("hours that count", () => {
  const certified = { certifiedAt: "2026-12-16T05:00:00.000Z", publicUntil: "2026-12-23T05:00:00.000Z", openObjections: 0 };
  it("are final only once certified, out of the public notice and without an open objection", () => {
    expect(isFinal({ certifiedAt: null, publicUntil: null, openObjections: 0 }, at("2027-01-01T00:00:00.000Z"))).toBe(false);
    expect(isFinal(certified, at("2026-12-23T04:59:59.000Z"))).toBe(false);
    expect(isFinal(certified, at("2026-12-23T05:00:00.000Z"))).toBe(true);
    expect(isFinal({ ...certified, openObjections: 1 }, at("2027-01-01T00:00:00.000Z"))).toBe(false);
  });
  it("count a caring-meal delivery once delivered and seven days behind", () => {
    expect(mealDeliveryFinal({ status: "delivered", date: "2026-12-01" }, "2026-12-08")).toBe(true);
    expect(mealDeliveryFinal({ status: "delivered", date: "2026-12-02" }, "2026-12-08")).toBe(false);
    expect(mealDeliveryFinal({ status: "missed", date: "2026-11-01" }, "2026-12-08")).toBe(false);
  });
  it("count a day's meal deliveries as the union of half-hours ending at each confirmation", () => {
    const t = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00.000Z`);
    expect(mealMinutes([t("03:00")])).toBe(30);
    // Two rounds apart: 30 + 30; one round of three within 20 minutes: 30 + 10 + 10.
    expect(mealMinutes([t("03:00"), t("06:00")])).toBe(60);
    expect(mealMinutes([t("03:20"), t("03:00"), t("03:10")])).toBe(50);
    expect(mealMinutes([t("03:00"), t("03:00")])).toBe(30);
  });
});

describe("people served", () => {
  it("are recorded once the occurrence took place: ended, not withdrawn or cancelled", () => {
    expect(servedStep(occ, at("2026-12-16T03:59:00.000Z"))).toBe("not_held");
    expect(servedStep(occ, at("2026-12-16T04:00:00.000Z"))).toBeNull();
    expect(servedStep({ ...occ, status: "cancelled" }, at("2026-12-20T00:00:00.000Z"))).toBe("not_held");
    expect(servedStep({ ...occ, status: "withdrawn" }, at("2026-12-20T00:00:00.000Z"))).toBe("not_held");
  });
});

describe("the roster", () => {
  const base = { occurrence: occ, now: at("2026-12-15T12:00:00.000Z"), alreadyLive: false, places: 8, signedUpInTeam: 7 };
  it("lets a leader assign into a free place past the sign-up deadline, until the start", () => {
    expect(assignStep(base)).toBeNull();
    expect(assignStep({ ...base, signedUpInTeam: 8 })).toBe("team_full");
    expect(assignStep({ ...base, alreadyLive: true })).toBe("volunteer_signed_up");
    expect(assignStep({ ...base, now: at(occ.startsAt) })).toBe("started");
    expect(assignStep({ ...base, occurrence: { ...occ, status: "cancelled" } })).toBe("occurrence_closed");
  });
  it("substitutes a signed-up volunteer by one without a sign-up, until the start", () => {
    const sub = { occurrence: occ, now: base.now, replaced: "signed_up" as const, substituteLive: false };
    expect(substituteStep(sub)).toBeNull();
    for (const replaced of ["waitlisted", "withdrawn", "attended", "no_show"] as const)
      expect(substituteStep({ ...sub, replaced })).toBe("signup_transition");
    expect(substituteStep({ ...sub, substituteLive: true })).toBe("volunteer_signed_up");
    expect(substituteStep({ ...sub, now: at("2026-12-16T02:30:00.000Z") })).toBe("started");
    expect(substituteStep({ ...sub, occurrence: { ...occ, status: "withdrawn" } })).toBe("occurrence_closed");
  });
  it("takes the paper roster after the end and before certification", () => {
    const o = { ...occ, certifiedAt: null, publicUntil: null, openObjections: 0 };
    expect(paperRosterStep(o, at("2026-12-16T03:00:00.000Z"))).toBe("not_ended");
    expect(paperRosterStep(o, at("2026-12-16T04:00:00.000Z"))).toBeNull();
    expect(paperRosterStep({ ...o, certifiedAt: "2026-12-16T05:00:00.000Z" }, at("2026-12-17T00:00:00.000Z"))).toBe("already_certified");
    expect(paperRosterStep({ ...o, status: "cancelled" }, at("2026-12-17T00:00:00.000Z"))).toBe("occurrence_closed");
    expect(paperEntryAction(null)).toBe("create");
    expect(paperEntryAction("withdrawn")).toBe("create");
    for (const s of ["signed_up", "waitlisted", "attended", "no_show"] as const) expect(paperEntryAction(s)).toBe("update");
  });
  it("asks the day before and takes one confirmation of a place, before the start", () => {
    expect(confirmationDue({ status: "open", date: "2026-12-16" }, "2026-12-16")).toBe(true);
    expect(confirmationDue({ status: "open", date: "2026-12-17" }, "2026-12-16")).toBe(false);
    expect(confirmationDue({ status: "cancelled", date: "2026-12-16" }, "2026-12-16")).toBe(false);
    const now = at("2026-12-15T10:00:00.000Z");
    expect(confirmStep({ status: "signed_up", confirmedAt: null }, occ, now)).toBeNull();
    expect(confirmStep({ status: "signed_up", confirmedAt: "2026-12-15T09:00:00.000Z" }, occ, now)).toBe("signup_transition");
    expect(confirmStep({ status: "waitlisted", confirmedAt: null }, occ, now)).toBe("signup_transition");
    expect(confirmStep({ status: "signed_up", confirmedAt: null }, occ, at(occ.startsAt))).toBe("occurrence_closed");
    expect(confirmStep({ status: "signed_up", confirmedAt: null }, { ...occ, status: "cancelled" }, now)).toBe("occurrence_closed");
  });
});

describe("service records and activity days", () => {
  it("cover a period ending by today and at most the longest span", () => {
    expect(recordPeriodStep("2026-01-01", "2026-12-01", "2026-12-01", 3660)).toBeNull();
    expect(recordPeriodStep("2026-01-01", "2026-12-02", "2026-12-01", 3660)).toBe("record_period");
    expect(recordPeriodStep("2000-01-01", "2026-12-01", "2026-12-01", 3660)).toBe("record_period");
  });
  it("find each month's 16th and 28th held, or missing; days not come yet are left out", () => {
    const now = at("2026-12-20T00:00:00.000Z");
    const o = (id: number, date: string, extra: Partial<{ status: "open" | "cancelled"; attended: number }> = {}) => ({
      id,
      date,
      status: extra.status ?? ("open" as const),
      endsAt: `${date}T04:00:00.000Z`,
      attended: extra.attended ?? 3,
    });
    const result = activityDaysOf(
      [o(1, "2026-11-16"), o(2, "2026-11-28", { status: "cancelled" }), o(3, "2026-12-16"), o(4, "2026-10-28", { attended: 0 })],
      [16, 28],
      "2026-10-01",
      "2026-12-31",
      "2026-12-20",
      now,
    );
    expect(result.missing).toEqual([
      { month: "2026-10", day: 16, date: "2026-10-16" },
      { month: "2026-10", day: 28, date: "2026-10-28" },
      { month: "2026-11", day: 28, date: "2026-11-28" },
    ]);
    expect(result.months.map((m) => m.month)).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(result.months[2].days).toEqual([{ day: 16, date: "2026-12-16", held: true, occurrenceIds: [3] }]);
    expect(result.allHeld).toBe(false);
    // Today's activity counts once held, and is not missing before it ends.
    const today = activityDaysOf([o(5, "2026-12-16")], [16], "2026-12-01", "2026-12-31", "2026-12-16", at("2026-12-16T03:00:00.000Z"));
    expect(today).toEqual({ months: [{ month: "2026-12", days: [] }], missing: [], allHeld: true });
  });
});
