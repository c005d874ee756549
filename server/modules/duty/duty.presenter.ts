// The roster and the Red Shield post as the API shows them.
import type {
  Booking,
  BookingStatus,
  Consultation,
  ConsultationOutcome,
  ConsultationTopic,
  DutyRule,
  Plan,
  RedShieldSession,
  Shift,
} from "../../../contracts/duty.ts";
import { parseRule } from "../../../contracts/schedule.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { RuleRow, ShiftRow } from "./duty.repository.ts";
import type { PlanRow, SessionRow } from "./red-shield.repository.ts";
import { slotsOf } from "./red-shield.workflow.ts";

export function presentShift(row: ShiftRow, user: SessionUser | null, today: string): Shift {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    capacity: row.capacity,
    booked: row.booked,
    officerUserId: row.officer_user_id,
    officerName: row.officer_name ?? null,
    ruleId: row.rule_id,
    note: row.note,
    mine: user !== null && ((user.allianceUnitId !== null && row.unit_id === user.allianceUnitId) || row.officer_user_id === user.id),
    past: row.date < today,
    version: row.version,
  };
}

export function presentRule(row: RuleRow): DutyRule {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    rule: parseRule(row.rule) ?? { kind: "weekly", weekdays: [1] },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    startTime: row.start_time,
    endTime: row.end_time,
    capacity: row.capacity,
    shifts: Number(row.shifts ?? 0),
    createdBy: row.created_by ?? null,
    createdAt: row.created_at,
  };
}

export function presentBooking(row: {
  id: number;
  session_id: number;
  slot: string;
  merchant_id: number;
  merchant_name: string;
  topic: ConsultationTopic;
  note: string | null;
  status: BookingStatus;
  created_at: string;
}): Booking {
  return {
    id: row.id,
    sessionId: row.session_id,
    slot: row.slot,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    topic: row.topic,
    note: row.note,
    status: row.status,
    createdAt: row.created_at,
  };
}

export function presentConsultation(row: {
  id: number;
  station_id: number;
  session_id: number | null;
  booking_id: number | null;
  merchant_id: number;
  merchant_name: string;
  topic: ConsultationTopic;
  summary: string;
  outcome: ConsultationOutcome;
  officer_name: string | null;
  date: string;
  created_at: string;
}): Consultation {
  return {
    id: row.id,
    stationId: row.station_id,
    sessionId: row.session_id,
    bookingId: row.booking_id,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    topic: row.topic,
    summary: row.summary,
    outcome: row.outcome,
    officerName: row.officer_name,
    date: row.date,
    createdAt: row.created_at,
  };
}

/** A plan without a readable rule shows the default one (the 2nd and 4th Wednesday). */
export function presentPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    rule: parseRule(row.rule) ?? { kind: "monthly_nth", nth: [2, 4], weekday: 3 },
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    place: row.place,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

export function presentSession(row: SessionRow): RedShieldSession {
  return {
    id: row.id,
    stationId: row.station_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    place: row.place,
    status: row.status,
    cancelReason: row.cancel_reason,
    slots: slotsOf(row.start_time, row.end_time, row.slot_minutes).length,
    booked: Number(row.booked ?? 0),
    attended: Number(row.attended ?? 0),
    consultations: Number(row.consultations ?? 0),
    version: row.version,
  };
}
