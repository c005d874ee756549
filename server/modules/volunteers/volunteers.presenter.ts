// Rows of the volunteer service turned into the contract's shapes, in one place. A volunteer is shown by name and
// volunteer number only: no ID number is stored or shown.
import {
  type Occurrence,
  type Served,
  type Signup,
  type SignupSource,
  signupSources,
  type Team,
  type Volunteer,
} from "../../../contracts/volunteers.ts";
import type {
  VolunteerObjectionTable,
  VolunteerOccurrenceTable,
  VolunteerServedTable,
  VolunteerSignupTable,
  VolunteerTable,
} from "../../db/tables.ts";
import { certificationState } from "./volunteers.workflow.ts";

const json = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const teamIdsOf = (row: { team_ids: string }) => json<number[]>(row.team_ids, []);

type VolunteerRow = Omit<VolunteerTable, "id"> & { id: number };
type MembershipRow = { id: number; team_id: number; volunteer_id: number; status: Volunteer["teams"][number]["status"]; team_name: string };

export function presentVolunteer(row: VolunteerRow, memberships: MembershipRow[]): Volunteer {
  return {
    id: row.id,
    stationId: row.station_id,
    userId: row.user_id,
    number: row.number,
    realName: row.real_name,
    skills: json<string[]>(row.skills, []),
    politicalStatus: row.political_status,
    consentAt: row.consent_at,
    teams: memberships
      .filter((m) => m.volunteer_id === row.id)
      .map((m) => ({ teamId: m.team_id, teamName: m.team_name, status: m.status, membershipId: m.id })),
  };
}

export function presentTeam(row: {
  id: number;
  station_id: number;
  name: string;
  description: string | null;
  leader_volunteer_id: number | null;
  leader_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  service_menu: string;
  members: unknown;
  requests: unknown;
}): Team {
  return {
    id: row.id,
    stationId: row.station_id,
    name: row.name,
    description: row.description,
    leaderVolunteerId: row.leader_volunteer_id,
    leaderName: row.leader_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    serviceMenu: json<{ kind: string; name: string }[]>(row.service_menu, []),
    members: Number(row.members ?? 0),
    requests: Number(row.requests ?? 0),
  };
}

export function presentMembership(row: {
  id: number;
  team_id: number;
  volunteer_id: number;
  real_name: string;
  number: string;
  status: Volunteer["teams"][number]["status"];
  requested_at: string;
  decided_at: string | null;
  left_at: string | null;
}) {
  return {
    id: row.id,
    teamId: row.team_id,
    volunteerId: row.volunteer_id,
    volunteerName: row.real_name,
    volunteerNumber: row.number,
    status: row.status,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    leftAt: row.left_at,
  };
}

export function presentSeries(row: {
  id: number;
  station_id: number;
  title: string;
  rule: string | null;
  once_date: string | null;
  valid_from: string;
  valid_to: string | null;
  place: string;
  start_time: string;
  end_time: string;
  team_ids: string;
  places_per_team: number;
  deadline_hours: number;
}) {
  return {
    id: row.id,
    stationId: row.station_id,
    title: row.title,
    repeat: row.rule
      ? json(row.rule, { kind: "once" as const, date: row.valid_from })
      : { kind: "once" as const, date: row.once_date ?? row.valid_from },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    place: row.place,
    startTime: row.start_time,
    endTime: row.end_time,
    teamIds: teamIdsOf(row),
    placesPerTeam: row.places_per_team,
    deadlineHours: row.deadline_hours,
  };
}

type SignupRow = Omit<
  VolunteerSignupTable,
  "id" | "source" | "confirmation_asked_at" | "confirmed_at" | "replaces_signup_id" | "entered_by_user_id" | "assigned_by_user_id"
> & {
  id: number;
  real_name: string;
  number: string;
  source: string;
  confirmation_asked_at?: string | null;
  confirmed_at?: string | null;
  replaces_signup_id?: number | null;
  entered_by_name?: string | null;
};

const sources = new Set<string>(signupSources);

export function presentSignup(row: SignupRow): Signup {
  return {
    id: row.id,
    occurrenceId: row.occurrence_id,
    volunteerId: row.volunteer_id,
    volunteerName: row.real_name,
    volunteerNumber: row.number,
    teamId: row.team_id,
    arrival: row.arrival,
    status: row.status,
    signedUpAt: row.signed_up_at,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    minutes: row.minutes,
    correctionReason: row.correction_reason,
    confirmationAskedAt: row.confirmation_asked_at ?? null,
    confirmedAt: row.confirmed_at ?? null,
    source: sources.has(row.source) ? (row.source as SignupSource) : "self",
    replacesSignupId: row.replaces_signup_id ?? null,
    enteredBy: row.entered_by_name ?? null,
  };
}

/** Signed up, asked the day before to confirm, and not confirmed: the organiser sees who may not come. */
export const unconfirmedOf = (
  signups: readonly { status: string; confirmation_asked_at?: string | null; confirmed_at?: string | null }[],
) => signups.filter((s) => s.status === "signed_up" && s.confirmation_asked_at && !s.confirmed_at).length;

type ServedRow = Omit<VolunteerServedTable, "id"> & {
  id: number;
  team_name: string;
  service_menu: string;
  merchant_name: string | null;
  resident_name: string | null;
  recorded_by: string | null;
};

export function presentServed(row: ServedRow): Served {
  const menu = json<{ kind: string; name: string }[]>(row.service_menu, []);
  return {
    id: row.id,
    occurrenceId: row.occurrence_id,
    teamId: row.team_id,
    teamName: row.team_name,
    kind: row.kind,
    kindName: menu.find((m) => m.kind === row.kind)?.name ?? row.kind,
    count: row.count,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    residentId: row.resident_id,
    residentName: row.resident_name,
    note: row.note,
    recordedBy: row.recorded_by ?? "",
    recordedAt: row.recorded_at,
    confirmedAt: row.confirmed_at,
  };
}

type OccurrenceRow = Omit<
  VolunteerOccurrenceTable,
  "id" | "arrivals" | "roster_file_id" | "roster_entered_at" | "roster_entered_by_user_id"
> & {
  id: number;
  title: string;
};
type ObjectionRow = Omit<VolunteerObjectionTable, "id"> & { id: number };

export function presentOccurrence(
  row: OccurrenceRow,
  signups: { occurrence_id: number; team_id: number; status: Signup["status"] }[],
  objections: ObjectionRow[],
  teamNames: Map<number, string>,
  now: Date,
): Occurrence {
  const mine = signups.filter((s) => s.occurrence_id === row.id);
  const openObjections = objections.filter((o) => o.occurrence_id === row.id && o.status === "open").length;
  return {
    id: row.id,
    stationId: row.station_id,
    seriesId: row.series_id,
    title: row.title,
    date: row.date,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    signupDeadline: row.signup_deadline,
    status: row.status,
    statusReason: row.status_reason,
    teams: teamIdsOf(row).map((teamId) => ({
      teamId,
      teamName: teamNames.get(teamId) ?? "",
      places: row.places_per_team,
      signedUp: mine.filter((s) => s.team_id === teamId && (s.status === "signed_up" || s.status === "attended")).length,
      waitlisted: mine.filter((s) => s.team_id === teamId && s.status === "waitlisted").length,
    })),
    certification: certificationState({ certifiedAt: row.certified_at, publicUntil: row.public_until, openObjections }, now),
    certifiedAt: row.certified_at,
    publicUntil: row.public_until,
  };
}

export function presentObjection(row: ObjectionRow) {
  return {
    id: row.id,
    occurrenceId: row.occurrence_id,
    signupId: row.signup_id,
    volunteerId: row.volunteer_id,
    reason: row.reason,
    status: row.status,
    resolution: row.resolution,
    createdAt: row.created_at,
  };
}
