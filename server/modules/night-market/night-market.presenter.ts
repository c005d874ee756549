// Rows of the night market turned into the contract's shapes, in one place; the jobs register's personal data
// (the worker's mobile) masked unless the role may see it, as residents' is.
import type { Selectable } from "kysely";
import type { z } from "zod";
import type { incidentSchema, jobSchema, pitchNightSchema, pitchSchema, Season } from "../../../contracts/night-market.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { NightMarketNightTable, NightMarketPitchTable, NightMarketSeasonTable } from "../../db/tables.ts";
import type { Vault } from "../../platform/crypto.ts";
import type { ApplicationRow, IncidentRow, JobRow, OfferRow, PitchNightRow } from "./night-market.repository.ts";
import { type SeasonCalendar, seasonNights } from "./night-market.workflow.ts";

type SeasonRowT = Omit<NightMarketSeasonTable, "id" | "version"> & { id: number; version: number };
type PitchRowT = Omit<NightMarketPitchTable, "id" | "version" | "active"> & { id: number; version: number; active: number };

const parseList = <T>(text: string): T[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

export function calendarOf(s: SeasonRowT): SeasonCalendar {
  return {
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    closedWeekdays: parseList<number>(s.closed_weekdays),
    closedNights: parseList<string>(s.closed_nights),
  };
}

export function presentSeason(s: SeasonRowT, counts?: { pitches: number; applications: number }): Season {
  const cal = calendarOf(s);
  return {
    id: s.id,
    stationId: s.station_id,
    name: s.name,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    closedWeekdays: [...cal.closedWeekdays],
    closedNights: [...cal.closedNights],
    applicationDeadline: s.application_deadline,
    allocationRule: s.allocation_rule,
    maxPitchesPerOperator: s.max_pitches_per_operator,
    checkinBy: s.checkin_by,
    suspendAfter: s.suspend_after,
    depositFen: s.deposit_fen,
    status: s.status,
    nights: seasonNights(cal).length,
    pitches: counts?.pitches ?? 0,
    applications: counts?.applications ?? 0,
    version: s.version,
  };
}

export function presentPitch(p: PitchRowT): z.infer<typeof pitchSchema> {
  return {
    id: p.id,
    seasonId: p.season_id,
    number: p.number,
    kind: p.kind,
    area: Number(p.area),
    powerWatts: p.power_watts,
    feeFen: p.fee_fen,
    x: p.x,
    y: p.y,
    w: p.w,
    h: p.h,
    active: p.active === 1,
    version: p.version,
  };
}

export function presentApplication(a: ApplicationRow) {
  return {
    id: a.id,
    seasonId: a.season_id,
    seasonName: a.season_name,
    operatorId: a.operator_id,
    operatorName: a.operator_name,
    operatorKind: a.operator_kind,
    kind: a.kind,
    goods: a.goods,
    pitchesWanted: a.pitches_wanted,
    preferredPitchId: a.preferred_pitch_id,
    foodLicenceNo: a.food_licence_no,
    documentIds: parseList<string>(a.document_ids),
    status: a.status,
    reviewNote: a.review_note,
    reviewedAt: a.reviewed_at,
    submittedAt: a.submitted_at,
    stationId: a.station_id,
    merchantId: a.operator_merchant_id,
    merchantFindings: a.operator_merchant_id === null ? null : Number(a.merchant_findings ?? 0),
    caringShopStatus: a.caring_shop_status ?? null,
  };
}

export function presentPitchNight(p: PitchNightRow): z.infer<typeof pitchNightSchema> {
  return {
    id: p.id,
    pitchId: p.pitch_id,
    pitchNumber: p.pitch_number,
    pitchKind: p.pitch_kind,
    night: p.night,
    operatorId: p.operator_id,
    operatorName: p.operator_name,
    source: p.source,
    status: p.status,
    checkedInAt: p.checked_in_at,
  };
}

export function presentOffer(o: OfferRow) {
  return {
    id: o.id,
    pitchId: o.pitch_id,
    pitchNumber: o.pitch_number,
    pitchKind: o.pitch_kind,
    night: o.night,
    status: o.status,
    claimedByOperatorId: o.claimed_by_operator_id,
    offeredAt: o.offered_at,
  };
}

export function presentIncident(i: IncidentRow): z.infer<typeof incidentSchema> {
  return {
    id: i.id,
    night: i.night,
    kind: i.kind,
    pitchId: i.pitch_id,
    pitchNumber: i.pitch_number,
    operatorId: i.operator_id,
    operatorName: i.operator_name,
    description: i.description,
    badRecord: i.bad_record === 1,
    problemId: i.problem_id,
    createdAt: i.created_at,
  };
}

export function presentNight(
  n: Selectable<NightMarketNightTable>,
  counts: { entrance: string; method: "clicker" | "camera" | "ticket" | "estimate"; visitors_in: number; visitors_out: number }[],
  takings: { operator_id: number; operator_name: string; amount_fen: number; unusual: number }[],
) {
  return {
    id: n.id,
    seasonId: n.season_id,
    night: n.night,
    status: n.status,
    weather: n.weather,
    counts: counts.map((c) => ({ entrance: c.entrance, method: c.method, visitorsIn: c.visitors_in, visitorsOut: c.visitors_out })),
    takings: takings.map((t) => ({
      operatorId: t.operator_id,
      operatorName: t.operator_name,
      amountFen: t.amount_fen,
      unusual: t.unusual === 1,
    })),
    visitorsIn: n.visitors_in,
    visitorsOut: n.visitors_out,
    turnoverFen: n.turnover_fen,
    operators: n.operators,
    incidents: n.incidents,
    closedAt: n.closed_at,
    correctionReason: n.correction_reason,
    correctedAt: n.corrected_at,
  };
}

/** A job of the register; the worker's name and mobile masked unless an unmasked view was asked for (and audited). */
export function presentJob(j: JobRow, vault: Vault, full: boolean, today: string): z.infer<typeof jobSchema> {
  return {
    id: j.id,
    stationId: j.station_id,
    employerKind: j.employer_kind,
    operatorId: j.operator_id,
    employerName: j.employer_name,
    personName: full ? j.person_name : maskPerson(j.person_name),
    mobile: j.mobile_enc ? (full ? vault.decrypt(j.mobile_enc) : vault.masked(j.mobile_enc, maskMobile)) : null,
    role: j.role,
    origin: j.origin,
    startsOn: j.starts_on,
    endsOn: j.ends_on,
    hasContract: j.has_contract === 1,
    current: isCurrentJob(j, today),
    masked: !full,
  };
}

export const isCurrentJob = (j: { starts_on: string; ends_on: string | null }, today: string) =>
  j.starts_on <= today && (j.ends_on === null || j.ends_on >= today);

/** 买买提·艾力 → 买*****; a name's first character stays, as on public notices. */
export function maskPerson(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
}
