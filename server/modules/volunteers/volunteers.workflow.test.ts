import { describe, expect, it } from "vitest";
import { createVault } from "../../platform/crypto.ts";
import { checkCode, issueCode } from "./volunteers.checkin.ts";
import {
  certificationState,
  certifyStep,
  closeStep,
  correctStep,
  objectStep,
  presenceStep,
  promotionOf,
  publicUntilOf,
  serviceMinutes,
  signupDecision,
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
