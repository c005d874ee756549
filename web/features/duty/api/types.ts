import type { z } from "zod";
import type {
  Booking,
  Consultation,
  DutyRule,
  MyRedShield,
  myShiftsSchema,
  Plan,
  RedShieldFigures,
  RedShieldSession,
  Roster,
  RulePreview,
  SessionDetail,
  Shift,
} from "../../../../contracts/duty.ts";

export type {
  Booking,
  Consultation,
  DutyRule,
  MyRedShield,
  Plan,
  RedShieldFigures,
  RedShieldSession,
  Roster,
  RulePreview,
  SessionDetail,
  Shift,
};
export type MyShifts = z.infer<typeof myShiftsSchema>;
export type DutySettings = { stationId: number; desks: number; busiest: { date: string; count: number } | null };
