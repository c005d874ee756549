// Environment parsed once at boot; every default runs on a laptop.
import { join } from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  /** PostgreSQL connections this node keeps (docs/operations.md: N nodes × this stays under max_connections). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** SQLite: concurrent write requests share one durable commit (server/db/group-commit.ts; docs/performance.md). */
  SQLITE_GROUP_COMMIT: z.enum(["true", "false"]).default("false"),
  /** The SQLite file; by default `dandelion.db` in DATA_DIR, beside the secret kept there (crypto.ts). */
  SQLITE_FILE: z.string().optional(),
  DATA_DIR: z.string().default("data"),
  DANDELION_SECRET: z.string().min(32, "DANDELION_SECRET needs at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** Addresses never rate-limited, comma-separated (the load benchmarks set their loopback). */
  RATE_LIMIT_ALLOW: z.string().default(""),
  /** Where feedback on 12345 work orders is POSTed (sign-off, return, extension, reply, follow-up); unset: kept queued. */
  HOTLINE_FEEDBACK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The shared secret the feedback is signed with (HMAC-SHA256 of the body, header X-Dandelion-Signature). */
  HOTLINE_FEEDBACK_SECRET: z.string().min(16, "HOTLINE_FEEDBACK_SECRET needs at least 16 characters").optional(),
  /** How long one feedback delivery may take before it counts as failed and is retried later. */
  HOTLINE_FEEDBACK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** SMS through a provider (docs/interop.md); without it, outbound copies stay log lines. */
  SMS_PROVIDER: z.enum(["aliyun", "tencent"]).optional(),
  SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  SMS_SIGN_NAME: z.string().min(1).optional(),
  /** JSON: notification kind → { template, params }, e.g. {"problem.assigned":{"template":"SMS_1","params":["title","code"]}}. */
  SMS_TEMPLATES: z.string().default("{}"),
  /** The provider's endpoint (defaults to the public one; tests point it at a stand-in). */
  SMS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  SMS_SDK_APP_ID: z.string().optional(),
  SMS_REGION: z.string().default("ap-guangzhou"),
  SMS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  SMS_PER_RECIPIENT_DAY: z.coerce.number().int().min(1).default(10),
  SMS_PER_DAY: z.coerce.number().int().min(1).default(2000),
  /** When set, delivery receipts must carry `?token=` with it. */
  SMS_RECEIPT_TOKEN: z.string().min(16).optional(),
  /** WeChat official account (公众号) for template messages; without both, none are sent. */
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  WECHAT_ENDPOINT: z.url({ protocol: /^https?$/ }).default("https://api.weixin.qq.com"),
  /** JSON: kind → { template, fields: { "<template field>": "<notice parameter>" } }. */
  WECHAT_TEMPLATES: z.string().default("{}"),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** The app's public address, so a message opens its page (https://dandelion.example.cn). */
  WECHAT_LINK_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /** How long a webhook receiver may take to answer before the delivery is retried later. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
});

export type Config = z.infer<typeof schema> & { SQLITE_FILE: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  // One data folder holds the database and the secret its personal data is sealed with: a DATA_DIR elsewhere
  // must not pair the default database with a new secret (every sealed field would then fail to open).
  return { ...parsed.data, SQLITE_FILE: parsed.data.SQLITE_FILE ?? join(parsed.data.DATA_DIR, "dandelion.db") };
}
