import { z } from "zod";
import { pageQuery, versionField } from "./common.ts";

const stallFields = {
  code: z.string().trim().min(1, { message: "v.required" }).max(20, { message: "v.too_long" }),
  area: z.number().positive({ message: "v.number_range" }).max(10000, { message: "v.number_range" }),
  x: z.number().int().min(0, { message: "v.number_range" }).max(10000, { message: "v.number_range" }),
  y: z.number().int().min(0, { message: "v.number_range" }).max(10000, { message: "v.number_range" }),
  w: z.number().int().min(1, { message: "v.number_range" }).max(1000, { message: "v.number_range" }),
  h: z.number().int().min(1, { message: "v.number_range" }).max(1000, { message: "v.number_range" }),
  merchantId: z.number().int().positive().nullable(),
};

export const stallCreateSchema = z
  .object({ ...stallFields, merchantId: stallFields.merchantId.default(null), stationId: z.number().int().positive().optional() })
  .strict();
export type StallCreate = z.input<typeof stallCreateSchema>;
export const stallUpdateSchema = z
  .object({ ...stallFields, version: versionField })
  .partial()
  .required({ version: true })
  .strict();
export type StallUpdate = z.input<typeof stallUpdateSchema>;

export const stallListQuery = pageQuery.extend({
  occupied: z.enum(["true", "false"]).optional(),
  sort: z.enum(["code", "area"]).optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});

export const stallSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  code: z.string(),
  area: z.number(),
  x: z.number().int(),
  y: z.number().int(),
  w: z.number().int(),
  h: z.number().int(),
  merchantId: z.number().int().nullable(),
  merchantName: z.string().nullable(),
  merchantCategory: z.string().nullable(),
  version: z.number().int(),
});
export type Stall = z.infer<typeof stallSchema>;
