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

// ----- org management: streets, communities and stations under the caller's district -----

/** Which kind of unit sits directly under which: a street under a district, a community under a street, a station under a community. */
export const parentKindOf = { street: "district", community: "street", station: "community" } as const;
export const managedKinds = ["street", "community", "station"] as const;

const codeSchema = z
  .string()
  .trim()
  .min(1, { message: "v.required" })
  .max(40, { message: "v.org_code" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { message: "v.org_code" });
const unitName = z.string().trim().min(1, { message: "v.required" }).max(100, { message: "v.too_long" });
const unitAddress = z
  .string()
  .trim()
  .max(200, { message: "v.too_long" })
  .nullish()
  .transform((v) => (v ? v : null));

export const orgUnitCreateSchema = z
  .object({
    parentId: z.number({ message: "v.required" }).int().positive().max(2_147_483_647, { message: "v.number_range" }),
    kind: z.enum(managedKinds, { message: "v.required" }),
    name: unitName,
    code: codeSchema,
    address: unitAddress,
  })
  .strict();
export type OrgUnitCreate = z.input<typeof orgUnitCreateSchema>;

export const orgUnitUpdateSchema = z
  .object({
    name: unitName.optional(),
    code: codeSchema.optional(),
    address: unitAddress.optional(),
    version: z.number().int().positive().max(2_147_483_647, { message: "v.number_range" }),
  })
  .strict();
export type OrgUnitUpdate = z.input<typeof orgUnitUpdateSchema>;

/** A unit as org management edits it: the tree's fields, its version and when it was last changed. */
export const orgUnitDetailSchema = orgUnitSchema.extend({ version: z.number().int(), updatedAt: z.string().nullable() });
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;

// ----- the onboarding checklist of a station -----

export const onboardingItems = ["accounts", "allianceUnits", "serviceItems", "dutyRoster"] as const;
export type OnboardingItem = (typeof onboardingItems)[number];

export const onboardingSchema = z.object({
  stationId: z.number().int(),
  /** Items done (a count above zero) of all items. */
  done: z.number().int(),
  of: z.number().int(),
  items: z.array(
    z.object({
      key: z.enum(onboardingItems),
      /** How many records the item counts: accounts of the station's staff, active units, active service items, shifts from today on. */
      count: z.number().int(),
      done: z.boolean(),
      /** The console page where the item is done, filtered to the station. */
      link: z.string(),
    }),
  ),
});
export type Onboarding = z.infer<typeof onboardingSchema>;
