// Reaching other systems: the API keys integrating systems present (Open311 GeoReport v2 today), and the Open311
// request shapes as the console and the tests read them. The Open311 wire format itself (snake_case, JSON and XML)
// is built on the server (server/modules/interop/open311.format.ts).
import { z } from "zod";
import { dateSchema, MAX_ID, pageQuery } from "./common.ts";

/** What a key may be used for: the Open311 GeoReport v2 interface (grid platforms…) or the 12345 hotline's orders. */
export const apiKeyPurposes = ["open311", "hotline"] as const;
export const apiKeyPurposeSchema = z.enum(apiKeyPurposes);
export type ApiKeyPurpose = z.infer<typeof apiKeyPurposeSchema>;

export const apiKeyStatuses = ["active", "revoked"] as const;
export type ApiKeyStatus = (typeof apiKeyStatuses)[number];

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  purpose: apiKeyPurposeSchema,
  stationId: z.number().int(),
  stationName: z.string(),
  /** The key's first characters, to tell keys apart; the key itself is shown once, when created. */
  prefix: z.string(),
  status: z.enum(apiKeyStatuses),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  requests: z.number().int(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(2, { message: "v.too_short" }).max(60, { message: "v.too_long" }),
    purpose: apiKeyPurposeSchema.default("open311"),
    stationId: z.number().int().positive(),
  })
  .strict();

/** The answer to creating a key: the key in full, this once (only its hash is kept). */
export const apiKeyCreatedSchema = apiKeySchema.extend({ key: z.string() });

/** GeoReport v2 statuses: a problem is open while someone works on it, closed once resolved, confirmed or rejected. */
export const open311Statuses = ["open", "closed"] as const;
export type Open311Status = (typeof open311Statuses)[number];

/** Where Open311 lives: `${OPEN311_BASE}/services.json`, `${OPEN311_BASE}/requests.xml`… */
export const OPEN311_BASE = "/api/open311/v2";

// --- 12345 work orders (12345 工单)

export const hotlineOrderStatuses = ["received", "signed_off", "returned", "replied", "visited"] as const;
export type HotlineOrderStatus = (typeof hotlineOrderStatuses)[number];
/** The follow-up call's result (回访): 满意 / 基本满意 / 不满意. */
export const satisfactions = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
export const satisfactionSchema = z.enum(satisfactions);
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export const hotlineFeedbackKinds = ["sign_off", "return", "extension", "reply", "visit"] as const;
export type HotlineFeedbackKind = (typeof hotlineFeedbackKinds)[number];

const isoInstant = z.iso.datetime({ offset: true, message: "v.invalid_value" });

/** The hotline's inbound order (POST /api/hotline/v1/orders, header X-Api-Key), documented in docs/interop.md. */
export const hotlineOrderInSchema = z
  .object({
    orderNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, { message: "v.invalid_value" }),
    category: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }),
    title: z.string().trim().min(2, { message: "v.too_short" }).max(100, { message: "v.too_long" }).optional(),
    content: z.string().trim().min(1, { message: "v.required" }).max(2000, { message: "v.too_long" }),
    address: z.string().trim().max(200, { message: "v.too_long" }).optional(),
    callerName: z.string().trim().max(30, { message: "v.too_long" }).optional(),
    callerPhone: z.string().trim().optional(),
    dispatchedAt: isoInstant,
    /** The hotline's time limit for signing off (签收), in hours from dispatch. */
    signOffHours: z.number().int().min(1, { message: "v.number_range" }).max(72, { message: "v.number_range" }).default(2),
    /** The hotline's deadline for the reply (办理时限). */
    replyBy: isoInstant,
  })
  .strict();

export const hotlineOrderAckSchema = z.object({
  orderNumber: z.string(),
  problemCode: z.string(),
  status: z.enum(hotlineOrderStatuses),
  /** True when the order number was known: the existing problem, never a second one. */
  duplicate: z.boolean(),
});

export const hotlineOrderSchema = z.object({
  id: z.number().int(),
  orderNumber: z.string(),
  problemId: z.number().int(),
  problemCode: z.string(),
  problemTitle: z.string(),
  problemStatus: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  via: z.enum(["api", "excel"]),
  hotlineCategory: z.string(),
  dispatchedAt: z.string(),
  signOffDueAt: z.string(),
  replyDueAt: z.string(),
  status: z.enum(hotlineOrderStatuses),
  signedOffAt: z.string().nullable(),
  signedOffLate: z.boolean(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  extensionDays: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  satisfaction: satisfactionSchema.nullable(),
  visitedAt: z.string().nullable(),
  /** Feedback to the hotline still waiting (or given up after its retries). */
  feedbackPending: z.number().int(),
  feedbackFailed: z.number().int(),
  version: z.number().int(),
});
export type HotlineOrder = z.infer<typeof hotlineOrderSchema>;

export const hotlineListQuery = z.object({
  stationId: z.coerce.number().int().positive().optional(),
  status: z.enum(hotlineOrderStatuses).optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const version = z.number().int().min(1);
export const hotlineActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("sign_off"), version }).strict(),
  z.object({ action: z.literal("return"), reason: z.string().trim().min(2, { message: "v.too_short" }).max(500), version }).strict(),
  z
    .object({
      action: z.literal("extend"),
      days: z.number().int().min(1, { message: "v.number_range" }).max(30, { message: "v.number_range" }),
      reason: z.string().trim().min(2, { message: "v.too_short" }).max(500),
      version,
    })
    .strict(),
  z
    .object({ action: z.literal("reply"), text: z.string().trim().min(2, { message: "v.too_short" }).max(2000).optional(), version })
    .strict(),
  z.object({ action: z.literal("visit"), satisfaction: satisfactionSchema, version }).strict(),
]);
export type HotlineAction = z.input<typeof hotlineActionSchema>;

export const hotlineCategoryMapSchema = z.object({
  id: z.number().int(),
  hotlineCategory: z.string(),
  categoryCode: z.string().nullable(),
  unmappedOrders: z.number().int(),
  updatedAt: z.string(),
});
export type HotlineCategoryMapping = z.infer<typeof hotlineCategoryMapSchema>;

export const hotlineCategoryMapInSchema = z
  .object({
    hotlineCategory: z.string().trim().min(1, { message: "v.required" }).max(60, { message: "v.too_long" }),
    categoryCode: z.string().trim().min(1, { message: "v.required" }).max(40),
  })
  .strict();

export const hotlineFiguresQuery = z.object({
  stationId: z.coerce.number().int().positive().optional(),
  from: z.iso.date({ message: "v.date" }).optional(),
  to: z.iso.date({ message: "v.date" }).optional(),
});

/** The rates as the hotline computes them; null when nothing was there to count. */
export const hotlineFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  signedOffInTime: z.number().int(),
  /** 响应率: orders signed off within the time limit / orders received. */
  responseRate: z.number().nullable(),
  returned: z.number().int(),
  replied: z.number().int(),
  /** 办结率: orders replied / orders received and not returned. */
  resolutionRate: z.number().nullable(),
  visited: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  /** 满意率: (满意 + 基本满意) / orders with a follow-up call. */
  satisfactionRate: z.number().nullable(),
});
export type HotlineFigures = z.infer<typeof hotlineFiguresSchema>;

/** The Excel import of work orders (for hotlines without an interface): its columns, in the sheet's order. */
export const hotlineSheetColumns = [
  { key: "orderNumber", header: "工单号" },
  { key: "category", header: "热线类别" },
  { key: "title", header: "标题" },
  { key: "content", header: "诉求内容" },
  { key: "address", header: "地址" },
  { key: "callerName", header: "来电人" },
  { key: "callerPhone", header: "来电电话" },
  { key: "dispatchedAt", header: "派单时间" },
  { key: "signOffHours", header: "签收时限（小时）" },
  { key: "replyBy", header: "办理时限" },
] as const;

// --- webhooks

/** The events other systems may subscribe to: a problem's step, a discount-card redemption, a meeting's resolution. */
export const webhookEvents = ["problem.step", "redemption.created", "meeting.resolution"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookCreateSchema = z
  .object({
    name: z.string().trim().min(2, { message: "v.too_short" }).max(60, { message: "v.too_long" }),
    url: z.url({ protocol: /^https?$/, message: "v.invalid_value" }).max(500, { message: "v.too_long" }),
    events: z.array(z.enum(webhookEvents)).min(1, { message: "v.required" }),
    stationId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const webhookSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEvents)),
  stationId: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  pending: z.number().int(),
  failed: z.number().int(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  event: z.string(),
  sourceId: z.number().int(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

// --- SMS messages (the station's log of SMS copies, with the providers' receipts)

export const smsMessageStatuses = ["pending", "sent", "delivered", "undelivered", "failed", "skipped"] as const;
export const smsMessageStatusSchema = z.enum(smsMessageStatuses);

export const smsMessageListQuery = pageQuery.extend({
  stationId: z.coerce.number().int().positive().max(MAX_ID),
  status: smsMessageStatusSchema.optional(),
  kind: z.string().trim().max(60).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

export const smsMessageSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: smsMessageStatusSchema,
  /** Why it was recorded and not sent: opted_out, no_phone, recipient_limit, daily_limit. */
  skipReason: z.string().nullable(),
  recipientName: z.string(),
  /** Masked (138****8000); null when none was kept (a skipped message). */
  recipientPhone: z.string().nullable(),
  provider: z.string().nullable(),
  attempts: z.number().int(),
  /** The provider's last error, phone numbers masked. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  receiptAt: z.string().nullable(),
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;
