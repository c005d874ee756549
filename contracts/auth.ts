import { z } from "zod";
import { roleSchema } from "./access.ts";

export const loginSchema = z
  .object({
    /** A username or a mainland mobile number. */
    username: z.string().trim().min(1, { message: "v.required" }).max(64, { message: "v.too_long" }),
    password: z.string().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  orgUnitKind: z.string(),
  allianceUnitId: z.number().int().nullable(),
  allianceUnitName: z.string().nullable(),
  merchantId: z.number().int().nullable(),
  residentId: z.number().int().nullable(),
  mobile: z.string().nullable(),
  locale: z.enum(["zh-CN", "en"]),
  actions: z.array(z.string()),
  /** Stations this account can act on (its scope), for pickers and filters. */
  stations: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type Me = z.infer<typeof meSchema>;

export const loginResultSchema = z.object({ me: meSchema, csrfToken: z.string() });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "v.required" }),
    newPassword: z.string().min(1, { message: "v.required" }).max(200, { message: "v.too_long" }),
  })
  .strict();

export const localeSchema = z.object({ locale: z.enum(["zh-CN", "en"]) }).strict();

export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "./cookies.ts";
