import { z } from "zod";
import { roleSchema } from "./access.ts";
import { mobileSchema, nameSchema, pageQuery, versionField } from "./common.ts";

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9_]{3,32}|1[3-9]\d{9})$/, { message: "v.username" });

export const userStatuses = ["active", "disabled"] as const;
export const userStatusSchema = z.enum(userStatuses);

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: nameSchema,
    password: z.string().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
    role: roleSchema,
    orgUnitId: z.number().int().positive(),
    allianceUnitId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    merchantId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    residentId: z
      .number()
      .int()
      .positive()
      .nullish()
      .transform((v) => v ?? null),
    mobile: mobileSchema.nullish().transform((v) => v ?? null),
  })
  .strict();
export type UserCreate = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: nameSchema,
    role: roleSchema,
    orgUnitId: z.number().int().positive(),
    allianceUnitId: z.number().int().positive().nullable(),
    merchantId: z.number().int().positive().nullable(),
    residentId: z.number().int().positive().nullable(),
    mobile: mobileSchema.nullable(),
    status: userStatusSchema,
    version: versionField,
  })
  .partial()
  .required({ version: true })
  .strict();
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const resetPasswordSchema = z
  .object({ password: z.string().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }) })
  .strict();

export const userListQuery = pageQuery.extend({
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  allianceUnitId: z.coerce.number().int().positive().optional(),
  sort: z.enum(["username", "displayName", "createdAt", "lastLoginAt"]).optional(),
});

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  allianceUnitId: z.number().int().nullable(),
  allianceUnitName: z.string().nullable(),
  merchantId: z.number().int().nullable(),
  residentId: z.number().int().nullable(),
  mobile: z.string().nullable(),
  status: userStatusSchema,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** The linked merchant's or resident's name, shown instead of its number. */
  merchantName: z.string().nullable(),
  residentName: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
