// The roster's rules, pure: a department sits at most once a day at a station; a day holds at most `desks`
// departments; past days are read-only; a shift holding bookings neither moves nor goes away, and its capacity
// never drops below what is booked.

export type DayRefusal =
  | { kind: "past"; date: string }
  | { kind: "conflict"; date: string }
  | { kind: "desks_full"; date: string; count: number; desks: number };

export interface DayShift {
  id: number;
  unitId: number;
}

/**
 * Whether `unitId` may sit on `date`, given the shifts already on that day. `movingShiftId` is the shift being
 * moved there (it does not count against itself).
 */
export function checkDay(input: {
  date: string;
  today: string;
  unitId: number;
  desks: number;
  dayShifts: readonly DayShift[];
  movingShiftId?: number;
}): DayRefusal | null {
  if (input.date < input.today) return { kind: "past", date: input.date };
  const others = input.dayShifts.filter((s) => s.id !== input.movingShiftId);
  if (others.some((s) => s.unitId === input.unitId)) return { kind: "conflict", date: input.date };
  if (others.length >= input.desks) return { kind: "desks_full", date: input.date, count: others.length, desks: input.desks };
  return null;
}

export type PlannedStatus = "ok" | "conflict" | "desks_full" | "past";

/** A rule's dates checked one by one against the roster (each accepted date takes a desk for the next ones). */
export function planDates(input: {
  dates: readonly string[];
  today: string;
  unitId: number;
  desks: number;
  /** Units already sitting, by date. */
  byDate: ReadonlyMap<string, readonly number[]>;
}): { date: string; status: PlannedStatus }[] {
  return input.dates.map((date) => {
    const units = input.byDate.get(date) ?? [];
    const refusal = checkDay({
      date,
      today: input.today,
      unitId: input.unitId,
      desks: input.desks,
      dayShifts: units.map((unitId, i) => ({ id: -1 - i, unitId })),
    });
    return { date, status: refusal ? refusal.kind : "ok" };
  });
}

export type ShiftEditRefusal =
  | { kind: "past"; date: string }
  | { kind: "booked"; booked: number }
  | { kind: "capacity_below_booked"; booked: number };

/** What an edit of an existing shift may do: nothing on a past day, no move or delete with bookings. */
export function checkShiftEdit(
  shift: { date: string; booked: number; capacity: number },
  change: { moving: boolean; deleting: boolean; capacity?: number },
  today: string,
): ShiftEditRefusal | null {
  if (shift.date < today) return { kind: "past", date: shift.date };
  if ((change.moving || change.deleting) && shift.booked > 0) return { kind: "booked", booked: shift.booked };
  if (change.capacity !== undefined && change.capacity < shift.booked) return { kind: "capacity_below_booked", booked: shift.booked };
  return null;
}

/** The desks may not go below the busiest day already planned from today on. */
export function checkDesks(desks: number, busiest: { date: string; count: number } | null): { date: string; count: number } | null {
  return busiest && busiest.count > desks ? busiest : null;
}
