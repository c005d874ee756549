import type { ProblemCategory, ProblemDetail, ProblemSource, ProblemStatus } from "../../../contracts/problems.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { fileUrl } from "../../platform/files.ts";
import type { ProblemCategoryRow, ProblemRow } from "./problems.repository.ts";
import { isOverdue } from "./problems.workflow.ts";

export type Photo = { id: string; url: string };
export const photo = (id: string): Photo => ({ id, url: fileUrl(id) });

/** How far the caller sees the reporter: staff the name, units a masked name, the reporter themself. */
export type ReporterView = "full" | "masked";

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  return `${chars[0]}${"*".repeat(Math.min(chars.length - 1, 3))}`;
}

export function presentCategory(row: ProblemCategoryRow): ProblemCategory {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    timeLimitDays: row.time_limit_days,
    active: row.active === 1,
  };
}

export function presentProblem(
  row: ProblemRow,
  o: { photos: Photo[]; nextActions: string[]; reporter: ReporterView; vault: Vault; now: Date; locale?: "zh-CN" | "en" },
) {
  const phone = row.reporter_phone_enc ? maskMobile(o.vault.decrypt(row.reporter_phone_enc)) : null;
  return {
    id: row.id,
    code: row.code,
    stationId: row.station_id,
    stationName: row.station_name,
    title: row.title,
    description: row.description,
    categoryCode: row.category_code,
    categoryName: (o.locale === "en" ? row.category_name_en : row.category_name) ?? row.category_code,
    source: row.source as ProblemSource,
    place: row.place,
    stallId: row.stall_id,
    stallCode: row.stall_code ?? null,
    status: row.status as ProblemStatus,
    reporterName: row.reporter_name === null ? null : o.reporter === "full" ? row.reporter_name : maskName(row.reporter_name),
    reporterPhone: phone,
    unitId: row.unit_id,
    unitName: row.unit_name ?? null,
    dueAt: row.due_at,
    overdue: isOverdue(row.status as ProblemStatus, row.due_at, o.now),
    escalatedMeetingId: row.escalated_meeting_id,
    rating: row.rating,
    ratingComment: row.rating_comment,
    resolution: row.resolution,
    photos: o.photos,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    version: row.version,
    nextActions: o.nextActions,
  };
}

export type PresentedProblem = ReturnType<typeof presentProblem>;

/** What the audit log keeps of a problem: the workflow fields, no personal data. */
export function auditView(p: { status: string; unitId: number | null; dueAt: string | null; rating: number | null; version: number }) {
  return { status: p.status, unitId: p.unitId, dueAt: p.dueAt, rating: p.rating };
}

export type { ProblemDetail };
