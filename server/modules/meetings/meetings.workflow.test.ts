import { describe, expect, it } from "vitest";
import { actionItemStatuses, meetingStatuses } from "../../../contracts/meetings.ts";
import { checkToken, newCheckInSecret, parseCheckInToken, signCheckInToken } from "../../platform/checkin.ts";
import {
  agendaEditable,
  checkInOpen,
  isActionItemOverdue,
  type MeetingEvent,
  nextActionItemStatus,
  nextMeetingStatus,
  stationDate,
  stationDayEnd,
  stationDayStart,
  takesAttendance,
  takesResolutions,
} from "./meetings.workflow.ts";

describe("meeting workflow: every status × every event", () => {
  const expected: Record<string, string> = { "scheduled>hold": "held", "scheduled>cancel": "cancelled" };
  const events: MeetingEvent[] = ["hold", "cancel"];
  for (const from of meetingStatuses) {
    for (const event of events) {
      const key = `${from}>${event}`;
      it(`${from} --${event}→ ${expected[key] ?? "refused"}`, () => {
        const r = nextMeetingStatus(from, event);
        expect(r.ok ? r.status : r.refusal).toBe(expected[key] ?? "meeting.transition");
      });
    }
  }
  it("edits the agenda only while scheduled, takes resolutions only when held, attendance unless cancelled", () => {
    expect(meetingStatuses.filter(agendaEditable)).toEqual(["scheduled"]);
    expect(meetingStatuses.filter(takesResolutions)).toEqual(["held"]);
    expect(meetingStatuses.filter(takesAttendance)).toEqual(["scheduled", "held"]);
  });
});

describe("check-in window", () => {
  // 2026-12-03 09:30 station time (UTC+8) is 01:30 UTC.
  const startsAt = "2026-12-03T01:30:00.000Z";
  const cases: [string, string, boolean][] = [
    ["scheduled", "2026-12-02T16:00:00.000Z", true], // 00:00 station time, same day
    ["held", "2026-12-03T15:59:59.000Z", true], // 23:59:59 station time
    ["scheduled", "2026-12-03T16:00:00.000Z", false], // next station day
    ["scheduled", "2026-12-02T15:59:59.000Z", false], // the day before
    ["cancelled", "2026-12-03T02:00:00.000Z", false],
  ];
  for (const [status, now, open] of cases) {
    it(`${status} at ${now} → ${open ? "open" : "closed"}`, () => {
      expect(checkInOpen(status as never, startsAt, new Date(now))).toBe(open);
    });
  }
  it("converts between instants and station days", () => {
    expect(stationDate("2026-12-02T16:00:00.000Z")).toBe("2026-12-03");
    expect(stationDayStart("2026-12-03").toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(stationDayEnd("2026-12-03").toISOString()).toBe("2026-12-03T16:00:00.000Z");
  });
});

describe("action item workflow: every status × every target", () => {
  const allowed = new Set(["open>open", "open>done", "open>cancelled"]);
  for (const from of actionItemStatuses) {
    for (const to of actionItemStatuses) {
      const key = `${from}>${to}`;
      it(`${from} → ${to}: ${allowed.has(key) ? "allowed" : "refused"}`, () => {
        const r = nextActionItemStatus(from, to);
        expect(r.ok ? r.status : r.refusal).toBe(allowed.has(key) ? to : "action_item.transition");
      });
    }
  }
  it("is overdue only while open and after its due day (station time)", () => {
    const now = new Date("2026-12-03T16:30:00.000Z"); // 2026-12-04 00:30 at the station
    expect(isActionItemOverdue("open", "2026-12-03", now)).toBe(true);
    expect(isActionItemOverdue("open", "2026-12-04", now)).toBe(false);
    expect(isActionItemOverdue("done", "2026-12-01", now)).toBe(false);
    expect(isActionItemOverdue("cancelled", "2026-12-01", now)).toBe(false);
  });
});

describe("check-in token", () => {
  const secret = newCheckInSecret();
  const now = new Date("2026-12-03T02:00:00.000Z");
  const token = signCheckInToken(secret, 42, new Date(now.getTime() + 120_000));

  it("accepts its own fresh token", () => {
    expect(checkToken(parseCheckInToken(token), secret, now)).toEqual({ ok: true, meetingId: 42 });
  });
  it("refuses an expired one", () => {
    expect(checkToken(parseCheckInToken(token), secret, new Date(now.getTime() + 121_000))).toEqual({
      ok: false,
      refusal: "meeting.checkin_expired",
    });
  });
  it("refuses another meeting's secret, an edited payload, and garbage as invalid", () => {
    expect(checkToken(parseCheckInToken(token), newCheckInSecret(), now)).toMatchObject({ refusal: "meeting.checkin_invalid" });
    const [, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ m: 43, e: 9_999_999_999 })).toString("base64url")}.${sig}`;
    expect(checkToken(parseCheckInToken(forged), secret, now)).toMatchObject({ refusal: "meeting.checkin_invalid" });
    for (const junk of ["", "abc", "a.b.c", `${token}x`, "eyJtIjoiYSJ9.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]) {
      expect(checkToken(parseCheckInToken(junk), secret, now)).toMatchObject({ refusal: "meeting.checkin_invalid" });
    }
    expect(checkToken(parseCheckInToken(token), null, now)).toMatchObject({ refusal: "meeting.checkin_invalid" });
  });
});
