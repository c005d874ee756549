// The three lists (三项清单) beyond problems: needs (需求清单) and offers (服务清单), matched into projects (项目).
import { z } from "zod";
import { dateSchema, fenSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

export const needKinds = ["funding", "customers", "training", "facility", "policy", "employment", "other"] as const;
export const needKindSchema = z.enum(needKinds);
export type NeedKind = z.infer<typeof needKindSchema>;
export const needStatuses = ["open", "matched", "in_project", "closed"] as const;
export const needStatusSchema = z.enum(needStatuses);
export type NeedStatus = z.infer<typeof needStatusSchema>;

export const offerKinds = ["resource", "service", "money", "people"] as const;
export const offerKindSchema = z.enum(offerKinds);
export type OfferKind = z.infer<typeof offerKindSchema>;
export const offerStatuses = ["active", "withdrawn"] as const;
export const offerStatusSchema = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

export const needCreateSchema = z
  .object({
    title: z.string().trim().min(2, { message: "v.too_short" }).max(100, { message: "v.too_long" }),
    description: z.string().trim().min(1, { message: "v.required" }).max(2000, { message: "v.too_long" }),
    kind: needKindSchema,
    stationId: z.number().int().positive().optional(),
  })
  .strict();

export const needSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  title: z.string(),
  description: z.string(),
  kind: needKindSchema,
  status: needStatusSchema,
  raisedBy: z.string().nullable(),
  offerId: z.number().int().nullable(),
  offerTitle: z.string().nullable(),
  projectId: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Need = z.infer<typeof needSchema>;

export const needListQuery = pageQuery.extend({ status: needStatusSchema.optional(), kind: needKindSchema.optional() });

export const offerCreateSchema = z
  .object({
    title: z.string().trim().min(2, { message: "v.too_short" }).max(100, { message: "v.too_long" }),
    description: z.string().trim().min(1, { message: "v.required" }).max(2000, { message: "v.too_long" }),
    kind: offerKindSchema,
    unitId: z.number().int().positive(),
    /** For offers of money: the amount in fen, 1 yuan to 1 million yuan. */
    amountFen: fenSchema(100, 100_000_000, "v.amount_offer")
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();

export const offerSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  title: z.string(),
  description: z.string(),
  kind: offerKindSchema,
  amountFen: z.number().int().nullable(),
  status: offerStatusSchema,
  createdAt: z.string(),
  version: z.number().int(),
});
export type Offer = z.infer<typeof offerSchema>;

export const offerListQuery = pageQuery.extend({
  status: offerStatusSchema.optional(),
  kind: offerKindSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
});

export const matchSchema = z.object({ offerId: z.number().int().positive(), version: versionField }).strict();

export const projectStatuses = ["planned", "active", "completed", "cancelled"] as const;
export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const fundingSourceSchema = z.object({
  source: nameSchema,
  amountFen: fenSchema(100, 1_000_000_000, "v.amount_funding"),
});

/** A measured result, e.g. { label: "参与企业", value: 89, unit: "家" } or { label: "消费金额", value: 370500000, unit: "fen" }. */
export const outcomeSchema = z.object({
  label: nameSchema,
  value: z.number().min(0, { message: "v.number_range" }),
  unit: z.string().trim().max(10),
});

export const projectCreateSchema = z
  .object({
    name: nameSchema,
    description: optionalText(2000),
    ownerUnitId: z.number().int().positive(),
    participantUnitIds: z.array(z.number().int().positive()).max(50).default([]),
    budgetFen: fenSchema(0, 1_000_000_000, "v.amount_budget"),
    fundingSources: z.array(fundingSourceSchema).max(20).default([]),
    startDate: dateSchema,
    endDate: dateSchema.nullish().transform((v) => v ?? null),
    needIds: z.array(z.number().int().positive()).max(100).default([]),
    stationId: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "v.date_order" });
  });

export const projectActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start"), version: versionField }).strict(),
  z
    .object({
      action: z.literal("progress"),
      note: z.string().trim().min(1, { message: "v.required" }).max(2000),
      percent: z.number().int().min(0).max(100),
      version: versionField,
    })
    .strict(),
  z.object({ action: z.literal("outcomes"), outcomes: z.array(outcomeSchema).max(20), version: versionField }).strict(),
  z.object({ action: z.literal("complete"), outcomes: z.array(outcomeSchema).max(20), version: versionField }).strict(),
  z.object({ action: z.literal("cancel"), reason: z.string().trim().min(2).max(500), version: versionField }).strict(),
]);

export const projectSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  participants: z.array(z.object({ id: z.number().int(), name: z.string() })),
  budgetFen: z.number().int(),
  fundingSources: z.array(fundingSourceSchema),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: projectStatusSchema,
  percent: z.number().int(),
  outcomes: z.array(outcomeSchema),
  needs: z.array(z.object({ id: z.number().int(), title: z.string() })),
  updates: z.array(z.object({ at: z.string(), note: z.string(), percent: z.number().int(), actorName: z.string().nullable() })),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListQuery = pageQuery.extend({
  status: projectStatusSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
});
