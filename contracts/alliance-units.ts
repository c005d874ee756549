import { z } from "zod";
import { mobileSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

/** The seven kinds of units of the business-district Party-building alliance ("one leads, seven links"). */
export const allianceUnitKinds = [
  "joint_conference",
  "council",
  "owners_committee",
  "property_company",
  "grid_centre",
  "party_committee_member",
  "department",
] as const;
export const allianceUnitKindSchema = z.enum(allianceUnitKinds);
export type AllianceUnitKind = z.infer<typeof allianceUnitKindSchema>;

export const allianceUnitStatuses = ["active", "inactive"] as const;
export const allianceUnitStatusSchema = z.enum(allianceUnitStatuses);

const unitFields = {
  name: nameSchema,
  kind: allianceUnitKindSchema,
  contactName: optionalText(50),
  contactMobile: mobileSchema.nullish().transform((v) => v ?? null),
  address: optionalText(200),
  offers: optionalText(1000),
};

export const allianceUnitCreateSchema = z.object({ ...unitFields, stationId: z.number().int().positive().optional() }).strict();
export type AllianceUnitCreate = z.input<typeof allianceUnitCreateSchema>;
export const allianceUnitUpdateSchema = z
  .object({ ...unitFields, status: allianceUnitStatusSchema, version: versionField })
  .partial()
  .required({ version: true })
  .strict();
export type AllianceUnitUpdate = z.input<typeof allianceUnitUpdateSchema>;

export const allianceUnitListQuery = pageQuery.extend({
  kind: allianceUnitKindSchema.optional(),
  status: allianceUnitStatusSchema.optional(),
  sort: z.enum(["name", "kind", "createdAt"]).optional(),
});

export const allianceUnitSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  name: z.string(),
  kind: allianceUnitKindSchema,
  contactName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  address: z.string().nullable(),
  offers: z.string().nullable(),
  status: allianceUnitStatusSchema,
  userCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AllianceUnit = z.infer<typeof allianceUnitSchema>;
