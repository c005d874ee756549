// Reaching other systems: the API keys integrating systems present (Open311 GeoReport v2 today), and the Open311
// request shapes as the console and the tests read them. The Open311 wire format itself (snake_case, JSON and XML)
// is built on the server (server/modules/interop/open311.format.ts).
import { z } from "zod";

/** What a key may be used for: the Open311 GeoReport v2 interface (grid platforms, other cities' systems). */
export const apiKeyPurposes = ["open311"] as const;
export const apiKeyPurposeSchema = z.enum(apiKeyPurposes);
export type ApiKeyPurpose = z.infer<typeof apiKeyPurposeSchema>;

export const apiKeyStatuses = ["active", "revoked"] as const;
export type ApiKeyStatus = (typeof apiKeyStatuses)[number];

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  purpose: apiKeyPurposeSchema,
  stationId: z.number().int(),
  stationName: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is shown once, when created. */
  prefix: z.string(),
  status: z.enum(apiKeyStatuses),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  requests: z.number().int(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(2, { message: "v.too_short" }).max(60, { message: "v.too_long" }),
    purpose: apiKeyPurposeSchema.default("open311"),
    stationId: z.number().int().positive(),
  })
  .strict();

/** The answer to creating a key: the key in full, this once (only its hash is kept). */
export const apiKeyCreatedSchema = apiKeySchema.extend({ key: z.string() });

/** GeoReport v2 statuses: a problem is open while someone works on it, closed once resolved, confirmed or rejected. */
export const open311Statuses = ["open", "closed"] as const;
export type Open311Status = (typeof open311Statuses)[number];

/** Where Open311 lives: `${OPEN311_BASE}/services.json`, `${OPEN311_BASE}/requests.xml`… */
export const OPEN311_BASE = "/api/open311/v2";
