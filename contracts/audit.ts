import { z } from "zod";
import { pageQuery } from "./common.ts";

export const auditListQuery = pageQuery.extend({
  action: z.string().trim().max(60).optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(40).optional(),
  actorUserId: z.coerce.number().int().positive().optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  stationId: z.number().int().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
