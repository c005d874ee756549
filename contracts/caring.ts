// The Dandelion caring scheme (蒲公英爱心联盟): award rounds, discount cards redeemed at certified caring shops,
// the shops' certification, and caring meals for elderly people living alone.
import { z } from "zod";
import { dateSchema, fenSchema, optionalText, pageQuery, versionField } from "./common.ts";

// Award rounds (评选).

export const awardCategories = ["civilised_resident", "liaison_head", "red_cell_member"] as const;
export const awardCategorySchema = z.enum(awardCategories);
export type AwardCategory = z.infer<typeof awardCategorySchema>;

/** nominating → reviewing → publicity → awarded; cancelled from any but awarded. */
export const roundStatuses = ["nominating", "reviewing", "publicity", "awarded", "cancelled"] as const;
export const roundStatusSchema = z.enum(roundStatuses);
export type RoundStatus = z.infer<typeof roundStatusSchema>;

/** A nomination: nominated → accepted | rejected in review; the award makes an accepted one winner or not_awarded. */
export const nominationStatuses = ["nominated", "accepted", "rejected", "winner", "not_awarded"] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

export const objectionStatuses = ["open", "upheld", "dismissed"] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];

export const roundCreateSchema = z
  .object({
    category: awardCategorySchema,
    /** The month the round honours, YYYY-MM. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "v.invalid_value" }),
    publicityDays: z.number().int().min(1).max(30).default(5),
    /** How long the winners' cards are valid, in months. */
    cardValidMonths: z.number().int().min(1).max(24).default(12),
    stationId: z.number().int().positive().optional(),
  })
  .strict();

export const roundActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("close_nominations"), version: versionField }).strict(),
  /** Publicity starts for the nominations accepted in review. */
  z.object({ action: z.literal("publish"), version: versionField }).strict(),
  /** Ends the publicity: winners are the accepted nominations without an upheld objection; cards are issued. */
  z.object({ action: z.literal("award"), version: versionField }).strict(),
  z.object({ action: z.literal("cancel"), reason: z.string().trim().min(2).max(500), version: versionField }).strict(),
]);

export const nominationCreateSchema = z
  .object({ residentId: z.number().int().positive(), reason: z.string().trim().min(2, { message: "v.too_short" }).max(1000) })
  .strict();

export const nominationReviewSchema = z
  .object({ decision: z.enum(["accept", "reject"]), note: optionalText(500), version: versionField })
  .strict();

export const objectionCreateSchema = z.object({ text: z.string().trim().min(5, { message: "v.too_short" }).max(1000) }).strict();
export const objectionDecisionSchema = z.object({ decision: z.enum(["uphold", "dismiss"]), note: optionalText(500) }).strict();

export const nominationSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  residentId: z.number().int(),
  /** Masked for anyone but station staff (e.g. 张**). */
  residentName: z.string(),
  reason: z.string(),
  status: z.enum(nominationStatuses),
  nominatedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  objections: z.array(z.object({ id: z.number().int(), text: z.string(), status: z.enum(objectionStatuses), createdAt: z.string() })),
  /**
   * Evidence for the review: the nominee's final volunteer hours this year, from the volunteer service (their
   * account's, when the resident has one that is a registered volunteer); null when they have none or to those
   * who see the nominee's name masked.
   */
  volunteerHours: z.number().nullable(),
  version: z.number().int(),
});

export const roundSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  category: awardCategorySchema,
  month: z.string(),
  status: roundStatusSchema,
  publicityDays: z.number().int(),
  publicityFrom: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  cardValidMonths: z.number().int(),
  nominations: z.array(nominationSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Round = z.infer<typeof roundSchema>;

export const roundListQuery = pageQuery.extend({ category: awardCategorySchema.optional(), status: roundStatusSchema.optional() });

/** The public honour roll on /m/: winners' names (surname and masked given name) by month. */
export const honourRollSchema = z.array(z.object({ month: z.string(), category: awardCategorySchema, names: z.array(z.string()) }));

// Discount cards (优惠卡).

export const cardStatuses = ["active", "revoked", "expired"] as const;
export const cardStatusSchema = z.enum(cardStatuses);
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const cardIssueSchema = z
  .object({
    residentId: z.number().int().positive(),
    category: awardCategorySchema,
    validFrom: dateSchema,
    validTo: dateSchema,
    /** Optional monthly caps: in fen of discount given, and in number of uses. */
    monthlyCapFen: fenSchema(100, 1_000_000, "v.amount_cap")
      .nullish()
      .transform((v) => v ?? null),
    monthlyCapUses: z
      .number()
      .int()
      .min(1)
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "v.date_order" });
  });

export const cardRevokeSchema = z.object({ reason: z.string().trim().min(2).max(500), version: versionField }).strict();

export const cardSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  cardNo: z.string(),
  residentId: z.number().int(),
  holderName: z.string(),
  category: awardCategorySchema,
  validFrom: z.string(),
  validTo: z.string(),
  status: cardStatusSchema,
  monthlyCapFen: z.number().int().nullable(),
  monthlyCapUses: z.number().int().nullable(),
  /** This month so far. */
  usedThisMonth: z.object({ uses: z.number().int(), discountFen: z.number().int() }),
  revokedReason: z.string().nullable(),
  version: z.number().int(),
});
export type Card = z.infer<typeof cardSchema>;

export const cardListQuery = pageQuery.extend({ status: cardStatusSchema.optional(), category: awardCategorySchema.optional() });

/** What the holder's phone shows: a signed token for the QR (valid about a minute) and the same as a short code. */
export const cardPresentationSchema = z.object({ token: z.string(), shortCode: z.string(), expiresAt: z.string() });

/** What the shop sends: the scanned token, or the typed short code, or a printed card's number with its PIN. */
export const redemptionInputSchema = z
  .object({
    token: z.string().min(10).max(300).optional(),
    shortCode: z
      .string()
      .regex(/^\d{6}$/, { message: "v.invalid_value" })
      .optional(),
    cardNo: z.string().max(30).optional(),
    /** With a printed card: the card's PIN or the last four digits of the holder's phone. */
    pin: z
      .string()
      .regex(/^\d{4,6}$/, { message: "v.invalid_value" })
      .optional(),
    /** The bill before the discount, in fen. */
    amountFen: fenSchema(1, 10_000_000, "v.amount_sale"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ways = [v.token, v.shortCode, v.cardNo].filter(Boolean).length;
    if (ways !== 1) ctx.addIssue({ code: "custom", path: ["token"], message: "v.required" });
    if (v.cardNo && !v.pin) ctx.addIssue({ code: "custom", path: ["pin"], message: "v.required" });
  });

/** How the card reached the shop: the scanned QR, the typed short code, or the printed card with its PIN. */
export const redemptionMethods = ["qr", "code", "printed"] as const;
export type RedemptionMethod = (typeof redemptionMethods)[number];

export const redemptionPreviewSchema = z.object({
  cardNo: z.string(),
  holderName: z.string(),
  category: awardCategorySchema,
  amountFen: z.number().int(),
  discountRatePermille: z.number().int(),
  payFen: z.number().int(),
  discountFen: z.number().int(),
});

export const redemptionSchema = redemptionPreviewSchema.extend({
  id: z.number().int(),
  shopId: z.number().int(),
  shopName: z.string(),
  method: z.enum(redemptionMethods),
  createdAt: z.string(),
});
export type Redemption = z.infer<typeof redemptionSchema>;

export const redemptionListQuery = pageQuery.extend({
  shopId: z.coerce.number().int().positive().optional(),
  cardId: z.coerce.number().int().positive().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

// Caring shops (爱心店铺).

export const shopCategories = ["supermarket", "restaurant", "grocer"] as const;
export const shopCategorySchema = z.enum(shopCategories);
export type ShopCategory = z.infer<typeof shopCategorySchema>;

/** applied → inspected → certified ⇄ suspended; certified/suspended → revoked; applied/inspected → rejected. */
export const shopStatuses = ["applied", "inspected", "certified", "suspended", "revoked", "rejected"] as const;
export const shopStatusSchema = z.enum(shopStatuses);
export type ShopStatus = z.infer<typeof shopStatusSchema>;

export const shopApplySchema = z
  .object({ merchantId: z.number().int().positive().optional(), category: shopCategorySchema, note: optionalText(500) })
  .strict();

export const shopActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("inspect"), passed: z.boolean(), note: z.string().trim().min(2).max(1000), version: versionField }).strict(),
  z
    .object({
      action: z.literal("certify"),
      /** 800 = card holders pay 80 %; 850 = 85 %. */
      discountRatePermille: z.number().int().min(800, { message: "v.number_range" }).max(850, { message: "v.number_range" }),
      plaqueDate: dateSchema,
      version: versionField,
    })
    .strict(),
  z.object({ action: z.literal("review"), passed: z.boolean(), note: z.string().trim().min(2).max(1000), version: versionField }).strict(),
  z.object({ action: z.literal("suspend"), reason: z.string().trim().min(2).max(500), version: versionField }).strict(),
  z.object({ action: z.literal("reinstate"), note: z.string().trim().min(2).max(500), version: versionField }).strict(),
  z.object({ action: z.literal("revoke"), reason: z.string().trim().min(2).max(500), version: versionField }).strict(),
]);

export const shopSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  merchantId: z.number().int(),
  merchantName: z.string(),
  category: shopCategorySchema,
  status: shopStatusSchema,
  discountRatePermille: z.number().int().nullable(),
  plaqueDate: z.string().nullable(),
  certifiedAt: z.string().nullable(),
  reviewDue: z.string().nullable(),
  events: z.array(z.object({ action: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  version: z.number().int(),
});
export type CaringShop = z.infer<typeof shopSchema>;

export const shopListQuery = pageQuery.extend({ status: shopStatusSchema.optional(), category: shopCategorySchema.optional() });

// Caring meals (爱心餐).

export const mealRecipientCreateSchema = z
  .object({
    residentId: z.number().int().positive(),
    providerShopId: z.number().int().positive(),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    note: optionalText(500),
  })
  .strict();

export const mealRecipientSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  residentId: z.number().int(),
  name: z.string(),
  address: z.string().nullable(),
  providerShopId: z.number().int(),
  providerName: z.string(),
  weekdays: z.array(z.number().int()),
  active: z.boolean(),
});

/** A day's meal as recorded (a planned meal without a row reads pending). */
export const deliveryStatuses = ["delivered", "missed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryConfirmSchema = z
  .object({ recipientId: z.number().int().positive(), date: dateSchema, status: z.enum(deliveryStatuses), note: optionalText(500) })
  .strict();

export const deliveryDaySchema = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      recipientId: z.number().int(),
      stationId: z.number().int(),
      name: z.string(),
      address: z.string().nullable(),
      providerName: z.string(),
      status: z.enum(["pending", "delivered", "missed"]),
      confirmedBy: z.string().nullable(),
      at: z.string().nullable(),
    }),
  ),
});

export const caringFiguresSchema = z.object({
  cardsIssued: z.number().int(),
  activeHolders: z.number().int(),
  redemptionsByShopMonth: z.array(
    z.object({
      shopId: z.number().int(),
      shopName: z.string(),
      month: z.string(),
      redemptions: z.number().int(),
      discountFen: z.number().int(),
    }),
  ),
  mealsDelivered: z.number().int(),
  mealsMissed: z.number().int(),
  /** Share of planned meals delivered over the period. */
  mealCoverage: z.number().nullable(),
  recipients: z.number().int(),
  caringRestaurants: z.number().int(),
});
