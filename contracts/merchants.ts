import { z } from "zod";
import { creditCodeSchema, dateSchema, mobileSchema, nameSchema, optionalText, pageQuery, versionField } from "./common.ts";

export const merchantCategories = ["supermarket", "catering", "non_staple_food", "fruit_vegetable", "pharmacy", "other"] as const;
export const merchantCategorySchema = z.enum(merchantCategories);
export type MerchantCategory = z.infer<typeof merchantCategorySchema>;

export const merchantStatuses = ["open", "suspended", "closed"] as const;
export const merchantStatusSchema = z.enum(merchantStatuses);
export type MerchantStatus = z.infer<typeof merchantStatusSchema>;

const merchantFields = {
  name: nameSchema,
  category: merchantCategorySchema,
  operatorName: nameSchema,
  mobile: mobileSchema,
  creditCode: creditCodeSchema,
  licenceValidFrom: dateSchema.nullish().transform((v) => v ?? null),
  licenceValidTo: dateSchema.nullish().transform((v) => v ?? null),
  isPartyMember: z.boolean(),
  note: optionalText(500),
};

function licenceOrder<T extends { licenceValidFrom?: string | null; licenceValidTo?: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.licenceValidFrom && v.licenceValidTo && v.licenceValidTo < v.licenceValidFrom) {
    ctx.addIssue({ code: "custom", path: ["licenceValidTo"], message: "v.date_order" });
  }
}

export const merchantCreateSchema = z
  .object({ ...merchantFields, isPartyMember: z.boolean().default(false), stationId: z.number().int().positive().optional() })
  .strict()
  .superRefine(licenceOrder);
export type MerchantCreate = z.input<typeof merchantCreateSchema>;

export const merchantUpdateSchema = z
  .object({ ...merchantFields, version: versionField })
  .partial()
  .required({ version: true })
  .strict()
  .superRefine(licenceOrder);
export type MerchantUpdate = z.input<typeof merchantUpdateSchema>;

export const merchantStatusChangeSchema = z
  .object({ status: merchantStatusSchema, reason: optionalText(200), version: versionField })
  .strict();

export const merchantListQuery = pageQuery.extend({
  category: merchantCategorySchema.optional(),
  status: merchantStatusSchema.optional(),
  isPartyMember: z.enum(["true", "false"]).optional(),
  sort: z.enum(["name", "createdAt", "category", "status"]).optional(),
});
export type MerchantListQuery = z.input<typeof merchantListQuery>;

export const merchantSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  name: z.string(),
  category: merchantCategorySchema,
  operatorName: z.string(),
  /** Masked (138****5678) unless the caller's role may see it. */
  mobile: z.string(),
  creditCode: z.string(),
  licenceValidFrom: z.string().nullable(),
  licenceValidTo: z.string().nullable(),
  status: merchantStatusSchema,
  isPartyMember: z.boolean(),
  note: z.string().nullable(),
  stalls: z.array(z.object({ id: z.number().int(), code: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Merchant = z.infer<typeof merchantSchema>;

export const merchantStatusChangeRecordSchema = z.object({
  id: z.number().int(),
  fromStatus: merchantStatusSchema.nullable(),
  toStatus: merchantStatusSchema,
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type MerchantStatusChangeRecord = z.infer<typeof merchantStatusChangeRecordSchema>;

/** Columns of the import/export sheet, in order; headers are Chinese as staff write them. */
export const merchantSheetColumns = [
  { key: "name", header: "商户名称" },
  { key: "category", header: "经营类别" },
  { key: "operatorName", header: "经营者" },
  { key: "mobile", header: "手机号" },
  { key: "creditCode", header: "统一社会信用代码" },
  { key: "licenceValidFrom", header: "执照起始日" },
  { key: "licenceValidTo", header: "执照截止日" },
  { key: "isPartyMember", header: "党员" },
  { key: "note", header: "备注" },
] as const;

/** Chinese names used in spreadsheets (import accepts these or the English keys). */
export const merchantCategorySheetNames: Record<MerchantCategory, string> = {
  supermarket: "超市",
  catering: "餐饮",
  non_staple_food: "副食",
  fruit_vegetable: "果蔬",
  pharmacy: "药店",
  other: "其他",
};
export const merchantStatusSheetNames: Record<MerchantStatus, string> = {
  open: "营业",
  suspended: "停业整顿",
  closed: "已关闭",
};
