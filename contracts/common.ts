import { z } from "zod";
import { isCreditCode, isMainlandMobile, isResidentIdNumber } from "./validators.ts";

// Messages are keys of `validationMessages` (contracts/errors.ts); the server and the web translate them.
export const mobileSchema = z.string().trim().refine(isMainlandMobile, { message: "v.mobile" });
export const idNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isResidentIdNumber, { message: "v.id_number" });
export const creditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCreditCode, { message: "v.credit_code" });
/** A calendar date (YYYY-MM-DD): 2026-02-30 and 2026-13-01 are refused, not rolled over or failed on later. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "v.date" })
  .refine(
    (v) => {
      const t = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
    },
    { message: "v.date" },
  );
/**
 * An amount of money in fen within the domain's bounds; every refusal carries the message that names the bounds
 * (`v.amount_*` in contracts/errors.ts). The columns are 32-bit integers on PostgreSQL: no bound goes past 2^31 fen.
 */
export const fenSchema = (minFen: number, maxFen: number, message: string) =>
  z.number({ message }).int({ message }).min(minFen, { message }).max(maxFen, { message });
export const nameSchema = z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" });
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, { message: "v.too_long" })
    .nullish()
    .transform((v) => (v ? v : null));

/** The largest id (and version) a record has: the database's integer. A larger one is a 400 naming the field, not a 500. */
export const MAX_ID = 2_147_483_647;
const idRange = { message: "v.number_range" };

export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID, idRange) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
  stationId: z.coerce.number().int().positive().max(MAX_ID, idRange).optional(),
});

/** One page of a list, as the server returns it (the shape `pageOf` validates). */
export interface Page<T> {
  items: T[];
  total: number;
  /** The total is a lower bound: more rows match than were counted (a list shows "1,000+"). */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** True when `total` is a lower bound: the count stopped at its cap (server/db/paging.ts); absent otherwise. */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

/** Optimistic concurrency: every edit carries the version it was based on. */
export const versionField = z.number().int().positive().max(MAX_ID, idRange);

export const statusChangeSchema = z.object({ reason: optionalText(200), version: versionField }).strict();
