// Reaching other systems: the API keys integrating systems present (kept as SHA-256 hashes; the key itself is
// shown once), and the problems that came in through Open311 GeoReport v2 with what the request carried beyond
// the problem itself (service code, location, the caller's ids); the 12345 hotline's work orders (one problem per
// order number), the map from the hotline's categories to Dandelion's, and the feedback queued to go back to the
// hotline (sign-off, return, extension, reply, follow-up call) with its attempts; SMS copies of notifications (queued
// with the change, sent by a job with retries, their delivery receipts), which kinds each station sends by SMS, and
// the accounts that opted out; WeChat: the official account's access token (shared by the nodes), the openids accounts
// bound by their consent, and the template messages queued like the SMS copies; each account's secret calendar feed
// address (its hash for lookup, the address sealed to show it again); webhooks: other systems' subscriptions to events,
// each delivery with its attempts, and how far each source of events has been read. Frozen once landed.
import type { Kysely } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("interop_api_keys"))
    .addColumn("name", "text", (c) => c.notNull()) // the integrating system, e.g. 区网格化平台
    .addColumn("purpose", "text", (c) => c.notNull()) // open311
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("prefix", "text", (c) => c.notNull()) // the key's first characters, shown to tell keys apart
    .addColumn("key_hash", "text", (c) => c.notNull()) // SHA-256 hex of the whole key
    .addColumn("status", "text", (c) => c.notNull()) // active | revoked
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addUniqueConstraint("interop_api_keys_hash", ["key_hash"])
    .execute();

  await withId(db, db.schema.createTable("open311_requests"))
    .addColumn("problem_id", "integer", (c) => c.notNull().references("problems.id"))
    .addColumn("api_key_id", "integer", (c) => c.notNull().references("interop_api_keys.id"))
    .addColumn("service_code", "text", (c) => c.notNull())
    .addColumn("lat", "double precision")
    .addColumn("long", "double precision")
    .addColumn("address_string", "text")
    .addColumn("address_id", "text")
    .addColumn("device_id", "text")
    .addColumn("account_id", "text")
    .addColumn("media_url", "text")
    .addColumn("attributes", "text", (c) => c.notNull()) // JSON object: attribute code → value
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("open311_requests_problem", ["problem_id"])
    .execute();
  await db.schema.createIndex("open311_requests_created").on("open311_requests").columns(["created_at"]).execute();

  /** The hotline's category (as its orders name it) → a problem category; null until staff map a new one. */
  await withId(db, db.schema.createTable("hotline_category_map"))
    .addColumn("hotline_category", "text", (c) => c.notNull())
    .addColumn("category_code", "text")
    .addColumn("unmapped_orders", "integer", (c) => c.notNull().defaultTo(0)) // orders refused while it was unmapped
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("hotline_category_map_name", ["hotline_category"])
    .execute();

  await withId(db, db.schema.createTable("hotline_orders"))
    .addColumn("order_number", "text", (c) => c.notNull())
    .addColumn("problem_id", "integer", (c) => c.notNull().references("problems.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("api_key_id", "integer", (c) => c.references("interop_api_keys.id"))
    .addColumn("via", "text", (c) => c.notNull()) // api | excel
    .addColumn("hotline_category", "text", (c) => c.notNull())
    .addColumn("dispatched_at", "text", (c) => c.notNull())
    .addColumn("sign_off_due_at", "text", (c) => c.notNull())
    .addColumn("reply_due_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // received | signed_off | returned | replied | visited
    .addColumn("signed_off_at", "text")
    .addColumn("returned_at", "text")
    .addColumn("return_reason", "text")
    .addColumn("extension_days", "integer")
    .addColumn("extension_reason", "text")
    .addColumn("extension_requested_at", "text")
    .addColumn("reply_text", "text")
    .addColumn("replied_at", "text")
    .addColumn("satisfaction", "text") // satisfied | basically_satisfied | dissatisfied
    .addColumn("visited_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("hotline_orders_number", ["order_number"])
    .addUniqueConstraint("hotline_orders_problem", ["problem_id"])
    .execute();
  await db.schema.createIndex("hotline_orders_station_dispatched").on("hotline_orders").columns(["station_id", "dispatched_at"]).execute();

  /** What goes back to the hotline, one row per step, sent in order per order by a job with retries. */
  await withId(db, db.schema.createTable("hotline_feedback"))
    .addColumn("order_id", "integer", (c) => c.notNull().references("hotline_orders.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // sign_off | return | extension | reply | visit
    .addColumn("payload", "text", (c) => c.notNull()) // JSON, as sent
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("hotline_feedback_step", ["order_id", "kind"])
    .execute();
  await db.schema.createIndex("hotline_feedback_due").on("hotline_feedback").columns(["status", "next_attempt_at"]).execute();

  await withId(db, db.schema.createTable("sms_messages"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull()) // JSON object, in the template's order
    .addColumn("phone_enc", "text") // sealed; never logged
    .addColumn("day", "text", (c) => c.notNull()) // the station date it was queued on (the daily limits)
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | delivered | undelivered | failed | skipped
    .addColumn("skip_reason", "text") // opted_out | no_phone | recipient_limit | daily_limit
    .addColumn("provider", "text")
    .addColumn("provider_message_id", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("receipt_at", "text")
    .execute();
  await db.schema.createIndex("sms_messages_due").on("sms_messages").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("sms_messages_user_day").on("sms_messages").columns(["user_id", "day"]).execute();
  await db.schema.createIndex("sms_messages_day").on("sms_messages").columns(["day"]).execute();
  await db.schema.createIndex("sms_messages_provider_id").on("sms_messages").columns(["provider_message_id"]).execute();

  await db.schema
    .createTable("sms_kind_settings")
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sms_kind_settings_pk", ["org_unit_id", "kind"])
    .execute();

  await db.schema
    .createTable("sms_opt_outs")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("wechat_tokens")
    .addColumn("app_id", "text", (c) => c.primaryKey())
    .addColumn("token_enc", "text", (c) => c.notNull()) // sealed
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("wechat_bindings")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("openid", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addUniqueConstraint("wechat_bindings_openid", ["openid"])
    .execute();

  await withId(db, db.schema.createTable("wechat_messages"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull()) // JSON: the template's fields
    .addColumn("link", "text")
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | failed
    .addColumn("provider_message_id", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("wechat_messages_due").on("wechat_messages").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("token_enc", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_read_at", "text")
    .addUniqueConstraint("calendar_feeds_token", ["token_hash"])
    .execute();

  await withId(db, db.schema.createTable("webhook_subscriptions"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret_enc", "text", (c) => c.notNull()) // sealed; shown once
    .addColumn("events", "text", (c) => c.notNull()) // JSON list: problem.step | redemption.created | meeting.resolution
    .addColumn("station_id", "integer", (c) => c.references("org_units.id")) // null: every station
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("webhook_deliveries"))
    .addColumn("subscription_id", "integer", (c) => c.notNull().references("webhook_subscriptions.id"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("source_id", "integer", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | delivered | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_status", "integer")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .addUniqueConstraint("webhook_deliveries_once", ["subscription_id", "event", "source_id"])
    .execute();
  await db.schema.createIndex("webhook_deliveries_due").on("webhook_deliveries").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .createTable("webhook_cursors")
    .addColumn("source", "text", (c) => c.primaryKey())
    .addColumn("last_id", "integer", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_cursors").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("webhook_subscriptions").execute();
  await db.schema.dropTable("calendar_feeds").execute();
  await db.schema.dropTable("wechat_messages").execute();
  await db.schema.dropTable("wechat_bindings").execute();
  await db.schema.dropTable("wechat_tokens").execute();
  await db.schema.dropTable("sms_opt_outs").execute();
  await db.schema.dropTable("sms_kind_settings").execute();
  await db.schema.dropTable("sms_messages").execute();
  await db.schema.dropTable("hotline_feedback").execute();
  await db.schema.dropTable("hotline_orders").execute();
  await db.schema.dropTable("hotline_category_map").execute();
  await db.schema.dropTable("open311_requests").execute();
  await db.schema.dropTable("interop_api_keys").execute();
}
