// The one place rows of the Party module become API records: mobiles masked, details parsed.

import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import type { Locale } from "../../../contracts/errors.ts";
import type {
  attendanceReportSchema,
  Branch,
  branchMeetingSchema,
  DevelopmentCase,
  developmentCaseSchema,
  funnelSchema,
  Member,
  pioneerPostSchema,
  stepRecordOutSchema,
} from "../../../contracts/party.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { fileUrl } from "../../platform/files.ts";
import type { SessionUser } from "../../platform/scope.ts";
import type { NextStep } from "./development.evaluate.ts";
import { type RecordedStep, rules } from "./development.rules.ts";
import type { AttendanceRow, BranchRow, CaseRow, MeetingRow, MemberRow, PostRow, StepRow } from "./party.repository.ts";

export function presentBranch(row: BranchRow, members: number): Branch {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    members,
  };
}

/** Whether a caller sees a member's or applicant's whole birth date (see memberSchema.birthDate). */
export const seesBirthDate = (user: SessionUser) => can(user.role, "party.manage");

export function presentMember(row: MemberRow, vault: Vault, wholeBirthDate: boolean): Member {
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    name: row.name,
    gender: row.gender,
    birthDate: wholeBirthDate ? row.birth_date : null,
    birthYear: Number(row.birth_date.slice(0, 4)),
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    sourceUnit: row.source_unit,
    status: row.status,
    joinedOn: row.joined_on,
    fullOn: row.full_on,
    role: row.role,
    partyGroup: row.party_group,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name ?? null,
    residentId: row.resident_id,
    userId: row.user_id,
    transferredInOn: row.transferred_in_on,
    transferredOutOn: row.transferred_out_on,
    transferredTo: row.transferred_to,
    version: row.version,
  };
}

/** A stored step as the rules engine reads it. */
export function recordedStep(row: StepRow): RecordedStep {
  const details = JSON.parse(row.details_json) as Omit<RecordedStep, "step" | "on">;
  return { ...details, step: row.step, on: row.on_date, conclusion: details.conclusion ?? row.note ?? null };
}

export function presentStep(row: StepRow): z.infer<typeof stepRecordOutSchema> {
  return {
    id: row.id,
    step: row.step,
    on: row.on_date,
    note: row.note,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    actorName: row.actor_name,
  };
}

export function presentCase(
  row: CaseRow,
  steps: StepRow[],
  next: NextStep | null,
  probationEnds: string | null,
  vault: Vault,
  locale: Locale,
  wholeBirthDate: boolean,
): DevelopmentCase {
  const out: z.infer<typeof developmentCaseSchema> = {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    name: row.name,
    gender: row.gender,
    birthDate: wholeBirthDate ? row.birth_date : null,
    birthYear: Number(row.birth_date.slice(0, 4)),
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    stage: row.stage,
    status: row.status,
    steps: steps.map(presentStep),
    // The rule that sets the next step's dates, in words with its source, as the branch reads it.
    next: next ? { ...next, rule: next.rule ? `${rules[next.rule].text[locale]}——${rules[next.rule].source}` : null } : null,
    probationEnds,
    extensionMonths: row.extension_months,
    createdAt: row.created_at,
    version: row.version,
  };
  return out;
}

export function presentPost(row: PostRow): z.infer<typeof pioneerPostSchema> {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    post: row.post,
    duty: row.duty,
    service: row.service,
    showOnMobile: row.show_on_mobile === 1,
    active: row.active === 1,
  };
}

export function presentMeeting(row: MeetingRow, attendance: AttendanceRow[], photos: string[]): z.infer<typeof branchMeetingSchema> {
  return {
    id: row.id,
    branchId: row.branch_id,
    kind: row.kind,
    title: row.title,
    heldOn: row.held_on,
    place: row.place,
    status: row.status,
    minutes: row.minutes,
    photos: photos.map((id) => ({ id, url: fileUrl(id) })),
    attendance: attendance
      .filter((a) => a.meeting_id === row.id)
      .map((a) => ({ memberId: a.member_id, name: a.name, at: a.at, method: a.method })),
    version: row.version,
  };
}

/** Counts by stage of the cases of some branches: now (active or completed) and ever. */
export function presentFunnel(
  branches: BranchRow[],
  cases: CaseRow[],
  ever: { activists: number; candidates: number },
): z.infer<typeof funnelSchema> {
  const live = cases.filter((c) => c.status === "active" || c.status === "completed");
  const count = (stage: CaseRow["stage"], branchId?: number) =>
    live.filter((c) => c.stage === stage && (branchId === undefined || c.branch_id === branchId)).length;
  return {
    applicants: count("applicant"),
    activists: count("activist"),
    candidates: count("candidate"),
    probationary: count("probationary"),
    full: count("full"),
    everApplied: cases.length,
    everActivists: ever.activists,
    everCandidates: ever.candidates,
    byBranch: branches.map((b) => ({
      branchId: b.id,
      name: b.name,
      applicants: count("applicant", b.id),
      activists: count("activist", b.id),
      candidates: count("candidate", b.id),
      probationary: count("probationary", b.id),
    })),
  };
}

type AttendanceReport = z.infer<typeof attendanceReportSchema>;

/** A year's attendance per member: meetings attended, and those they were required at (committee meetings for the committee). */
export function presentAttendance(
  year: number,
  members: MemberRow[],
  meetings: MeetingRow[],
  attendance: AttendanceRow[],
  missing: AttendanceReport["missing"],
): AttendanceReport {
  const requiredKinds = new Set(["member_meeting", "group_meeting", "party_lecture"]);
  const committee = new Set(["secretary", "deputy_secretary", "committee_member"]);
  return {
    year,
    members: members.map((m) => ({
      memberId: m.id,
      name: m.name,
      attended: attendance.filter((a) => a.member_id === m.id).length,
      required: meetings.filter((x) => requiredKinds.has(x.kind) || (x.kind === "committee_meeting" && committee.has(m.role))).length,
    })),
    missing,
  };
}
