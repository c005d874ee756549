// The big screen (/screen/) and its kiosk tokens: a token opens one unit's screen (a station, a street or the
// district) without an account, read-only, until it is revoked. The screen shows the four parts of the station's
// report from the figures dictionary, the market map where there is one, and never personal data: people's names
// masked, small counts (under 3) in per-person breakdowns not singled out, no records.
import { z } from "zod";
import { figureUnits, ragSchema, scopeKinds, scopeSchema } from "./figures.ts";

/** The screen asks again this often; the server answers 304 when nothing changed (ETag). */
export const SCREEN_REFRESH_SECONDS = 60;
/** A count under this, in a breakdown of people or households, is shown as "<3" rather than singled out. */
export const SMALL_COUNT = 3;
export const KIOSK_TOKEN_PREFIX = "ddk_";
export const SCREEN_PATH = "/screen/";

export const kioskTokenCreateSchema = z
  .object({
    label: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }),
    /** `station:3`, `street:2`, `district:1`: the unit the screen shows. */
    scope: scopeSchema,
  })
  .strict();

export const kioskTokenSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  scope: z.string(),
  unitKind: z.enum(scopeKinds),
  unitName: z.string(),
  /** The token's first characters, to tell tokens apart; the token itself is shown once. */
  prefix: z.string(),
  status: z.enum(["active", "revoked"]),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type KioskToken = z.infer<typeof kioskTokenSchema>;

export const kioskTokenCreatedSchema = kioskTokenSchema.extend({
  token: z.string(),
  /** The screen's address with the token (`/screen/?token=…`), for the QR code and the kiosk's browser. */
  path: z.string(),
});
export type KioskTokenCreated = z.infer<typeof kioskTokenCreatedSchema>;

const text = z.object({ "zh-CN": z.string(), en: z.string() });

export const screenFigureSchema = z.object({
  id: z.string(),
  name: text,
  unit: z.enum(figureUnits),
  unitLabel: text,
  /** null: nothing to show (no records to average, or a small count masked). */
  value: z.number().nullable(),
  /** A small count in a breakdown of people: shown as "<3", its value withheld. */
  masked: z.boolean(),
  rag: ragSchema,
});
export type ScreenFigure = z.infer<typeof screenFigureSchema>;

export const screenSeriesSchema = z.object({
  id: z.string(),
  name: text,
  unit: z.enum(figureUnits),
  by: z.enum(["month", "key"]),
  points: z.array(z.object({ key: z.string(), value: z.number().nullable(), masked: z.boolean() })),
});
export type ScreenSeries = z.infer<typeof screenSeriesSchema>;

export const screenPartSchema = z.object({
  part: z.number().int(),
  figures: z.array(screenFigureSchema),
  series: z.array(screenSeriesSchema),
});

export const screenMapSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  /** Where each stall stands and its trade; no names, codes or people. */
  stalls: z.array(
    z.object({ x: z.number().int(), y: z.number().int(), w: z.number().int(), h: z.number().int(), category: z.string().nullable() }),
  ),
});

export const screenSchema = z.object({
  scope: z.object({ label: z.string(), kind: z.enum(scopeKinds), name: z.string(), stations: z.number().int() }),
  period: z.object({ from: z.string(), to: z.string() }),
  computedAt: z.string(),
  /** Changes when anything shown changes (the ETag). */
  version: z.string(),
  refreshSeconds: z.number().int(),
  parts: z.array(screenPartSchema),
  map: screenMapSchema.nullable(),
});
export type ScreenData = z.infer<typeof screenSchema>;

/**
 * A person's name as the screen may show it: the first and last characters kept, the ones between masked
 * (努尔古丽 → 努**丽, 张三 → 张*).
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Whether a count in a breakdown of people or households is too small to show (1 or 2: it singles someone out). */
export const isSmallCount = (n: number) => n > 0 && n < SMALL_COUNT;
