// The one place rows of the Party module become API records: mobiles masked, details parsed.

import type { z } from "zod";
import type { Locale } from "../../../contracts/errors.ts";
import type {
  Branch,
  DevelopmentCase,
  DevelopmentStage,
  DevelopmentStep,
  developmentCaseSchema,
  Member,
  pioneerPostSchema,
  stepRecordOutSchema,
} from "../../../contracts/party.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { type NextStep, type RecordedStep, rules } from "./development.rules.ts";
import type { BranchRow, CaseRow, MemberRow, PostRow, StepRow } from "./party.repository.ts";

export function presentBranch(row: BranchRow, members: number): Branch {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind as Branch["kind"],
    members,
  };
}

export function presentMember(row: MemberRow, vault: Vault): Member {
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    name: row.name,
    gender: row.gender as Member["gender"],
    birthDate: row.birth_date,
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    sourceUnit: row.source_unit,
    status: row.status as Member["status"],
    joinedOn: row.joined_on,
    fullOn: row.full_on,
    role: row.role as Member["role"],
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
  return { ...details, step: row.step as DevelopmentStep, on: row.on_date, conclusion: details.conclusion ?? row.note ?? null };
}

export function presentStep(row: StepRow): z.infer<typeof stepRecordOutSchema> {
  return {
    id: row.id,
    step: row.step as DevelopmentStep,
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
  locale: Locale = "zh-CN",
): DevelopmentCase {
  const out: z.infer<typeof developmentCaseSchema> = {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    name: row.name,
    gender: row.gender as DevelopmentCase["gender"],
    birthDate: row.birth_date,
    mobile: row.mobile_enc ? vault.masked(row.mobile_enc, maskMobile) : null,
    merchantId: row.merchant_id,
    residentId: row.resident_id,
    stage: row.stage as DevelopmentStage,
    status: row.status as DevelopmentCase["status"],
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
