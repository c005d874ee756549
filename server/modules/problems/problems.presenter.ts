// Problems, their events, categories and the public board as the API shows them (the reporter masked by role).
import type { z } from "zod";
import type { ProblemCategory, ProblemDetail, problemEventSchema, publicProblemSchema } from "../../../contracts/problems.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { Vault } from "../../platform/crypto.ts";
import { fileUrl } from "../../platform/files.ts";
import type { ProblemCategoryRow, ProblemEventRow, ProblemRow, PublicProblemRow } from "./problems.repository.ts";
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
  const phone = row.reporter_phone_enc ? o.vault.masked(row.reporter_phone_enc, maskMobile) : null;
  return {
    id: row.id,
    code: row.code,
    stationId: row.station_id,
    stationName: row.station_name,
    title: row.title,
    description: row.description,
    categoryCode: row.category_code,
    categoryName: (o.locale === "en" ? row.category_name_en : row.category_name) ?? row.category_code,
    source: row.source,
    place: row.place,
    stallId: row.stall_id,
    stallCode: row.stall_code ?? null,
    status: row.status,
    reporterName: row.reporter_name === null ? null : o.reporter === "full" ? row.reporter_name : maskName(row.reporter_name),
    reporterPhone: phone,
    unitId: row.unit_id,
    unitName: row.unit_name ?? null,
    dueAt: row.due_at,
    overdue: isOverdue(row.status, row.due_at, o.now),
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

type ProblemEvent = z.infer<typeof problemEventSchema>;

/** One event of a problem's timeline with the photos taken at it. */
export function presentEvent(e: ProblemEventRow, photos: Photo[]): ProblemEvent {
  return {
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    actorName: e.actor_name,
    unitName: e.unit_name ?? null,
    photos,
    at: e.at,
  };
}

/** A resolved problem on the public board: what was asked and the answer, no personal data. */
export function presentPublicProblem(r: PublicProblemRow): z.infer<typeof publicProblemSchema> {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    categoryName: r.category_name ?? "",
    place: r.place,
    unitName: r.unit_name ?? null,
    resolution: r.resolution,
    rating: r.rating,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

/** What the audit log keeps of a problem: the workflow fields, no personal data. */
export function auditView(p: { status: string; unitId: number | null; dueAt: string | null; rating: number | null; version: number }) {
  return { status: p.status, unitId: p.unitId, dueAt: p.dueAt, rating: p.rating };
}

export type { ProblemDetail };
