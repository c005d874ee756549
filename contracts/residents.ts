import { z } from "zod";
import { idNumberSchema, mobileSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

export const consentKinds = ["contact", "caring_services", "publicity"] as const;
export const consentKindSchema = z.enum(consentKinds);

const residentFields = {
  name: nameSchema,
  idNumber: idNumberSchema,
  mobile: mobileSchema.nullish().transform((v) => v ?? null),
  address: optionalText(200),
  grid: optionalText(50),
  isLiaisonHead: z.boolean(),
  livesAlone: z.boolean(),
  consents: z.array(consentKindSchema),
  note: optionalText(500),
};

export const residentCreateSchema = z
  .object({
    ...residentFields,
    isLiaisonHead: z.boolean().default(false),
    livesAlone: z.boolean().default(false),
    consents: z.array(consentKindSchema).default([]),
    stationId: z.number().int().positive().optional(),
  })
  .strict();
export type ResidentCreate = z.input<typeof residentCreateSchema>;
export const residentUpdateSchema = z
  .object({ ...residentFields, version: versionField })
  .partial()
  .required({ version: true })
  .strict();
export type ResidentUpdate = z.input<typeof residentUpdateSchema>;

export const residentListQuery = pageQuery.extend({
  grid: z.string().trim().max(50).optional(),
  isLiaisonHead: z.enum(["true", "false"]).optional(),
  livesAlone: z.enum(["true", "false"]).optional(),
  isElderly: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "createdAt", "birthDate"]).optional(),
});

export const residentSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  name: z.string(),
  gender: z.enum(["male", "female"]).nullable(),
  /**
   * The year only: the masked ID number hides exactly the birth date (its digits 7–14), so a full birth date next
   * to it would rebuild the number. The age comes with it.
   */
  birthYear: z.number().int().nullable(),
  age: z.number().int().nullable(),
  /** Masked unless the caller asked for, and may see, the full value (each such view is audited). */
  idNumber: z.string(),
  mobile: z.string().nullable(),
  address: z.string().nullable(),
  grid: z.string().nullable(),
  isLiaisonHead: z.boolean(),
  livesAlone: z.boolean(),
  isElderly: z.boolean(),
  consents: z.array(consentKindSchema),
  note: z.string().nullable(),
  masked: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentSheetColumns = [
  { key: "name", header: "姓名" },
  { key: "idNumber", header: "身份证号" },
  { key: "mobile", header: "手机号" },
  { key: "address", header: "住址" },
  { key: "grid", header: "网格" },
  { key: "isLiaisonHead", header: "联户长" },
  { key: "livesAlone", header: "独居" },
  { key: "note", header: "备注" },
] as const;
