import { z } from "zod";

export const orgKinds = ["district", "street", "community", "station"] as const;
export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const orgUnitSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: orgKindSchema,
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const homeCountsSchema = z.object({
  stations: z.number().int(),
  merchants: z.number().int(),
  merchantsOpen: z.number().int(),
  merchantsByCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  stalls: z.number().int(),
  stallsOccupied: z.number().int(),
  residents: z.number().int(),
  residentsElderlyAlone: z.number().int(),
  allianceUnits: z.number().int(),
  allianceUnitsByKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  partyMemberMerchants: z.number().int(),
  users: z.number().int(),
});
export type HomeCounts = z.infer<typeof homeCountsSchema>;
