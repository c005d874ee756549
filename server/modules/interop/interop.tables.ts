// The interop module's tables, as Kysely sees them (server/db/tables.ts joins every module's into DB).
import type { Generated } from "kysely";
import type { ApiKeyPurpose, ApiKeyStatus, HotlineFeedbackKind, HotlineOrderStatus, Satisfaction } from "../../../contracts/interop.ts";

export interface InteropApiKeyTable {
  id: Generated<number>;
  name: string;
  purpose: ApiKeyPurpose;
  station_id: number;
  prefix: string;
  key_hash: string;
  status: ApiKeyStatus;
  created_by_user_id: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface Open311RequestTable {
  id: Generated<number>;
  problem_id: number;
  api_key_id: number;
  service_code: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  device_id: string | null;
  account_id: string | null;
  media_url: string | null;
  /** JSON: attribute code → value. */
  attributes: string;
  created_at: string;
}

export interface HotlineCategoryMapTable {
  id: Generated<number>;
  hotline_category: string;
  category_code: string | null;
  unmapped_orders: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface HotlineOrderTable {
  id: Generated<number>;
  order_number: string;
  problem_id: number;
  station_id: number;
  api_key_id: number | null;
  via: "api" | "excel";
  hotline_category: string;
  dispatched_at: string;
  sign_off_due_at: string;
  reply_due_at: string;
  status: HotlineOrderStatus;
  signed_off_at: string | null;
  returned_at: string | null;
  return_reason: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  extension_requested_at: string | null;
  reply_text: string | null;
  replied_at: string | null;
  satisfaction: Satisfaction | null;
  visited_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface HotlineFeedbackTable {
  id: Generated<number>;
  order_id: number;
  kind: HotlineFeedbackKind;
  payload: string;
  status: "pending" | "sent" | "failed";
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface SmsMessageTable {
  id: Generated<number>;
  user_id: number;
  org_unit_id: number;
  kind: string;
  template: string;
  params: string;
  phone_enc: string | null;
  day: string;
  status: "pending" | "sent" | "delivered" | "undelivered" | "failed" | "skipped";
  skip_reason: string | null;
  provider: string | null;
  provider_message_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  receipt_at: string | null;
}

export interface SmsKindSettingTable {
  org_unit_id: number;
  kind: string;
  enabled: number;
  updated_at: string;
}

export interface SmsOptOutTable {
  user_id: number;
  at: string;
}

export interface WechatTokenTable {
  app_id: string;
  token_enc: string;
  expires_at: string;
  fetched_at: string;
}

export interface WechatBindingTable {
  user_id: number;
  openid: string;
  consented_at: string;
}

export interface WechatMessageTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  template: string;
  data: string;
  link: string | null;
  status: "pending" | "sent" | "failed";
  provider_message_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface CalendarFeedTable {
  user_id: number;
  token_hash: string;
  token_enc: string;
  created_at: string;
  last_read_at: string | null;
}

export interface WebhookSubscriptionTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret_enc: string;
  events: string;
  station_id: number | null;
  active: number;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  subscription_id: number;
  event: string;
  source_id: number;
  payload: string;
  status: "pending" | "delivered" | "failed";
  attempts: Generated<number>;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookCursorTable {
  source: string;
  last_id: number;
}

export interface InteropTables {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_cursors: WebhookCursorTable;
  calendar_feeds: CalendarFeedTable;
  wechat_tokens: WechatTokenTable;
  wechat_bindings: WechatBindingTable;
  wechat_messages: WechatMessageTable;
  sms_messages: SmsMessageTable;
  sms_kind_settings: SmsKindSettingTable;
  sms_opt_outs: SmsOptOutTable;
  interop_api_keys: InteropApiKeyTable;
  open311_requests: Open311RequestTable;
  hotline_category_map: HotlineCategoryMapTable;
  hotline_orders: HotlineOrderTable;
  hotline_feedback: HotlineFeedbackTable;
}
