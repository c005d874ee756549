import { describe, expect, it } from "vitest";
import { stationInstant } from "../../../contracts/calendar.ts";
import type { EventStatus } from "../../../contracts/events.ts";
import { exifTakenAt, jpegWithExif } from "./events.exif.ts";
import {
  bookingStep,
  bookingWindow,
  computeUplift,
  countVisitors,
  dayFigures,
  type EventStep,
  eventEditable,
  eventStep,
  holdsSlots,
  outsideWindow,
  overlaps,
  sameWeekdaysBaseline,
  signupWithdrawal,
  slotsOf,
  teamCancellation,
} from "./events.workflow.ts";

const now = new Date("2026-06-10T04:00:00Z");
const ended = { endsAt: "2026-06-01T10:00:00Z" };
const running = { endsAt: "2026-06-20T10:00:00Z" };

describe("the event's life cycle", () => {
  const table: [EventStatus, EventStep, EventStatus | string][] = [
    ["planned", "approved", "approved"],
    ["planned", "held", "event.transition"],
    ["planned", "reported", "event.transition"],
    ["planned", "cancelled", "cancelled"],
    ["approved", "approved", "event.transition"],
    ["approved", "held", "held"],
    ["approved", "reported", "event.transition"],
    ["approved", "cancelled", "cancelled"],
    ["held", "approved", "event.transition"],
    ["held", "held", "event.transition"],
    ["held", "reported", "reported"],
    ["held", "cancelled", "event.transition"],
    ["reported", "approved", "event.transition"],
    ["reported", "held", "event.transition"],
    ["reported", "reported", "event.transition"],
    ["reported", "cancelled", "event.transition"],
    ["cancelled", "approved", "event.transition"],
    ["cancelled", "held", "event.transition"],
    ["cancelled", "reported", "event.transition"],
    ["cancelled", "cancelled", "event.transition"],
  ];
  it.each(table)("%s + %s → %s", (status, to, expected) => {
    const r = eventStep({ status, ...ended }, to, now);
    expect(r.ok ? r.value : r.id).toBe(expected);
  });
  it("is held only once its window has ended", () => {
    const r = eventStep({ status: "approved", ...running }, "held", now);
    expect(r.ok ? r.value : r.id).toBe("event.not_ended");
  });
  it("refuses reporting an event before it was held, naming the field", () => {
    const r = eventStep({ status: "approved", ...ended }, "reported", now);
    expect(r).toMatchObject({ ok: false, id: "event.transition", field: "to" });
  });
});

describe("editing an event and withdrawing a sign-up", () => {
  it("edits planned and approved events only", () => {
    const table: [EventStatus, boolean][] = [
      ["planned", true],
      ["approved", true],
      ["held", false],
      ["reported", false],
      ["cancelled", false],
    ];
    for (const [status, editable] of table) {
      const r = eventEditable(status);
      expect(r.ok, status).toBe(editable);
      if (!r.ok) expect(r).toMatchObject({ id: "event.not_editable", field: "status", params: { status } });
    }
  });

  it("withdraws a live sign-up before the event starts, refusing a second one and a late one by id", () => {
    const coming = { startsAt: "2026-06-10T04:30:00Z" };
    expect(signupWithdrawal(coming, true, now)).toEqual({ ok: true, value: "withdrawn" });
    expect(signupWithdrawal(coming, false, now)).toMatchObject({ ok: false, id: "event.not_signed_up" });
    expect(signupWithdrawal({ startsAt: now.toISOString() }, true, now)).toMatchObject({ ok: false, id: "event.withdraw_closed" });
    expect(signupWithdrawal({ startsAt: "2026-06-10T03:00:00Z" }, true, now)).toMatchObject({ ok: false, id: "event.withdraw_closed" });
    expect(signupWithdrawal({ startsAt: "2026-06-10T03:00:00Z" }, false, now)).toMatchObject({ ok: false, id: "event.not_signed_up" });
  });
});

describe("counting visitors", () => {
  it("counts entries minus re-entries at a gate", () => {
    expect(countVisitors({ method: "gates", entrance: "东门", entries: 500, reEntries: 40, exits: 480 })).toEqual({ ok: true, value: 460 });
  });
  it("refuses exits above entries, re-entries above entries, and a gate without entrance or entries", () => {
    expect(countVisitors({ method: "gates", entrance: "东门", entries: 10, exits: 11 })).toMatchObject({
      id: "event.count_exits",
      field: "exits",
    });
    expect(countVisitors({ method: "gates", entrance: "东门", entries: 10, reEntries: 11 })).toMatchObject({
      id: "event.count_re_entries",
      field: "reEntries",
    });
    expect(countVisitors({ method: "gates", entrance: null, entries: 10 })).toMatchObject({ field: "entrance" });
    expect(countVisitors({ method: "gates", entrance: "东门" })).toMatchObject({ field: "entries" });
    expect(countVisitors({ method: "estimate", entrance: null })).toMatchObject({ field: "visitors" });
    expect(countVisitors({ method: "head_count", entrance: null, visitors: 120 })).toEqual({ ok: true, value: 120 });
  });
  it("sums a day's entrances and prefers what was counted to what was estimated", () => {
    const days = dayFigures([
      { date: "2026-06-01", dayRole: "promotion", method: "gates", visitors: 460, recordedBy: "王丽娟" },
      { date: "2026-06-01", dayRole: "promotion", method: "gates", visitors: 300, recordedBy: "李建华" },
      { date: "2026-06-01", dayRole: "promotion", method: "estimate", visitors: 2000, recordedBy: "王丽娟" },
      { date: "2026-05-25", dayRole: "baseline", method: "estimate", visitors: 500, recordedBy: "王丽娟" },
    ]);
    expect(days).toEqual([
      { date: "2026-05-25", dayRole: "baseline", method: "estimate", visitors: 500, records: 1, recordedBy: ["王丽娟"] },
      { date: "2026-06-01", dayRole: "promotion", method: "gates", visitors: 760, records: 2, recordedBy: ["王丽娟", "李建华"] },
    ]);
  });
});

describe("a promotion's baseline and uplift", () => {
  it("takes the same weekdays of the four weeks before", () => {
    expect(sameWeekdaysBaseline(["2026-06-01", "2026-06-02"])).toEqual([
      "2026-05-04",
      "2026-05-05",
      "2026-05-11",
      "2026-05-12",
      "2026-05-18",
      "2026-05-19",
      "2026-05-25",
      "2026-05-26",
    ]);
  });

  it("computes the uplift by hand-checked arithmetic", () => {
    // Promotion days 06-01, 06-02; baseline 4 days. Visits by head count: baseline 800, 900, 1000, 900 → 900/day;
    // promotion 1500, 1700 → 1600/day; uplift (1600 − 900) × 2 = 1400.
    // Takings: merchant 1 baseline 100.00, 120.00 (mean 110.00), promotion 200.00, 180.00 (mean 190.00) → +160.00;
    // merchant 2 baseline 50.00 (mean 50.00), promotion 80.01 (mean 80.01) → (80.01 − 50.00) × 2 = +60.02;
    // merchant 3 only a promotion day: not in the sample. Total +220.02 = 22002 fen.
    // Expected without the promotion: 110 × 2 + 50 × 2 = 320.00 → +68.8 %.
    const u = computeUplift({
      baselineKind: "same_weekdays",
      baselineDates: ["2026-05-25", "2026-05-26", "2026-05-18", "2026-05-19"],
      promotionDates: ["2026-06-01", "2026-06-02"],
      merchantsTakingPart: 4,
      days: [
        { date: "2026-05-18", method: "head_count", visitors: 800 },
        { date: "2026-05-19", method: "head_count", visitors: 900 },
        { date: "2026-05-25", method: "head_count", visitors: 1000 },
        { date: "2026-05-26", method: "head_count", visitors: 900 },
        { date: "2026-06-01", method: "head_count", visitors: 1500 },
        { date: "2026-06-02", method: "head_count", visitors: 1700 },
        { date: "2026-06-02", method: "estimate", visitors: 5000 },
      ],
      takings: [
        { merchantId: 1, date: "2026-05-18", dayRole: "baseline", amountFen: 10000 },
        { merchantId: 1, date: "2026-05-25", dayRole: "baseline", amountFen: 12000 },
        { merchantId: 1, date: "2026-06-01", dayRole: "promotion", amountFen: 20000 },
        { merchantId: 1, date: "2026-06-02", dayRole: "promotion", amountFen: 18000 },
        { merchantId: 2, date: "2026-05-19", dayRole: "baseline", amountFen: 5000 },
        { merchantId: 2, date: "2026-06-01", dayRole: "promotion", amountFen: 8001 },
        { merchantId: 3, date: "2026-06-01", dayRole: "promotion", amountFen: 99999 },
        { merchantId: 1, date: "2026-04-01", dayRole: "baseline", amountFen: 1 }, // not a baseline day: ignored
      ],
    });
    expect(u.visits).toEqual({
      method: "head_count",
      baselinePerDay: 900,
      promotionPerDay: 1600,
      uplift: 1400,
      baselineDays: 4,
      promotionDays: 2,
    });
    expect(u.takings).toEqual({
      sampleSize: 2,
      merchantsTakingPart: 4,
      baselineFen: 27000,
      promotionFen: 46001,
      upliftFen: 22002,
      upliftPercent: 68.8,
    });
  });

  it("reports no uplift without a baseline, and a negative one when takings fell", () => {
    const none = computeUplift({
      baselineKind: "same_holiday_last_year",
      baselineDates: ["2025-10-01"],
      promotionDates: ["2026-10-01"],
      merchantsTakingPart: 1,
      days: [{ date: "2026-10-01", method: "estimate", visitors: 10 }],
      takings: [],
    });
    expect(none.visits.uplift).toBeNull();
    expect(none.takings).toMatchObject({ sampleSize: 0, upliftFen: 0, upliftPercent: null });
    const fell = computeUplift({
      baselineKind: "same_holiday_last_year",
      baselineDates: ["2025-10-01"],
      promotionDates: ["2026-10-01"],
      merchantsTakingPart: 1,
      days: [],
      takings: [
        { merchantId: 1, date: "2025-10-01", dayRole: "baseline", amountFen: 30000 },
        { merchantId: 1, date: "2026-10-01", dayRole: "promotion", amountFen: 20000 },
      ],
    });
    expect(fell.takings).toMatchObject({ sampleSize: 1, upliftFen: -10000, upliftPercent: -33.3 });
  });
});

describe("the stage's booking rules", () => {
  const venue = { openFrom: "08:00", openTo: "22:00", openWeekdays: [1, 2, 3, 4, 5, 6, 7] };
  const at = new Date("2026-06-01T00:00:00Z");
  it("takes a window on the half hour within the venue's hours", () => {
    const w = bookingWindow("2026-06-03", "19:00", "20:30", venue, at);
    expect(w).toEqual({
      ok: true,
      value: { start: stationInstant("2026-06-03", "19:00").toISOString(), end: stationInstant("2026-06-03", "20:30").toISOString() },
    });
    if (w.ok) expect(slotsOf(w.value)).toHaveLength(3);
  });
  it("refuses each bad window naming its field", () => {
    expect(bookingWindow("2026-06-03", "19:00", "19:00", venue, at)).toMatchObject({ id: "stage.bad_window", field: "endTime" });
    expect(bookingWindow("2026-06-03", "19:15", "20:00", venue, at)).toMatchObject({ id: "stage.slot_alignment", field: "startTime" });
    expect(bookingWindow("2026-06-03", "19:00", "20:10", venue, at)).toMatchObject({ id: "stage.slot_alignment", field: "endTime" });
    expect(bookingWindow("2026-06-03", "07:00", "09:00", venue, at)).toMatchObject({ id: "stage.outside_hours", field: "startTime" });
    expect(bookingWindow("2026-06-03", "21:00", "23:00", venue, at)).toMatchObject({ id: "stage.outside_hours", field: "endTime" });
    expect(bookingWindow("2026-06-07", "19:00", "20:00", { ...venue, openWeekdays: [1, 2, 3, 4, 5] }, at)).toMatchObject({
      id: "stage.outside_hours",
      field: "date",
    });
    expect(bookingWindow("2026-05-31", "19:00", "20:00", venue, at)).toMatchObject({ id: "stage.in_past", field: "date" });
  });
  it("sees overlaps of half-open windows", () => {
    const a = { start: "2026-06-03T11:00:00.000Z", end: "2026-06-03T12:00:00.000Z" };
    expect(overlaps(a, { start: "2026-06-03T11:30:00.000Z", end: "2026-06-03T13:00:00.000Z" })).toBe(true);
    expect(overlaps(a, { start: "2026-06-03T12:00:00.000Z", end: "2026-06-03T13:00:00.000Z" })).toBe(false);
    expect(overlaps(a, { start: "2026-06-03T10:00:00.000Z", end: "2026-06-03T11:00:00.000Z" })).toBe(false);
  });
  const moves: [string, "approve" | "refuse" | "cancel", string][] = [
    ["requested", "approve", "approved"],
    ["requested", "refuse", "refused"],
    ["requested", "cancel", "cancelled"],
    ["approved", "approve", "stage.booking_transition"],
    ["approved", "refuse", "stage.booking_transition"],
    ["approved", "cancel", "cancelled"],
    ["refused", "approve", "stage.booking_transition"],
    ["refused", "refuse", "stage.booking_transition"],
    ["refused", "cancel", "stage.booking_transition"],
    ["cancelled", "approve", "stage.booking_transition"],
    ["cancelled", "refuse", "stage.booking_transition"],
    ["cancelled", "cancel", "stage.booking_transition"],
  ];
  it.each(moves)("a %s booking, %s → %s", (status, decision, expected) => {
    const r = bookingStep(status as "requested", decision);
    expect(r.ok ? r.value : r.id).toBe(expected);
  });
  it("holds slots only while requested or approved", () => {
    expect(["requested", "approved", "refused", "cancelled"].map((s) => holdsSlots(s as "requested"))).toEqual([true, true, false, false]);
  });
});

describe("a team cancelling its own booking", () => {
  const coming = "2026-06-10T11:00:00Z";
  const started = "2026-06-10T04:00:00Z";
  it("cancels a requested or approved booking before it starts, releasing its slots", () => {
    for (const status of ["requested", "approved"] as const) {
      const r = teamCancellation({ status, startsAt: coming }, now);
      expect(r).toEqual({ ok: true, value: "cancelled" });
      expect(holdsSlots("cancelled")).toBe(false);
      expect(teamCancellation({ status, startsAt: started }, now)).toMatchObject({ ok: false, id: "stage.booking_started" });
    }
  });
  it("refuses a refused or cancelled booking by id, naming its status", () => {
    for (const status of ["refused", "cancelled"] as const)
      for (const startsAt of [coming, started])
        expect(teamCancellation({ status, startsAt }, now)).toMatchObject({
          ok: false,
          id: "stage.booking_transition",
          params: { status },
        });
  });
});

describe("photos' EXIF time", () => {
  it("reads DateTimeOriginal back as the station's time", () => {
    const taken = new Date("2026-06-01T02:30:15Z");
    expect(exifTakenAt(jpegWithExif(taken))).toBe("2026-06-01T02:30:15.000Z");
    expect(exifTakenAt(jpegWithExif(null))).toBeNull();
    expect(exifTakenAt(Buffer.from("not a jpeg"))).toBeNull();
    expect(exifTakenAt(jpegWithExif(taken).subarray(0, 30))).toBeNull();
  });
  it("flags a photo taken outside the event's window", () => {
    const w = { start: "2026-06-01T02:00:00.000Z", end: "2026-06-01T10:00:00.000Z" };
    expect(outsideWindow("2026-06-01T03:00:00.000Z", w)).toBe(false);
    expect(outsideWindow("2026-05-20T03:00:00.000Z", w)).toBe(true);
    expect(outsideWindow(null, w)).toBe(false);
  });
});
