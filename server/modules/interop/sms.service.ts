// SMS copies of notifications through a provider (Alibaba Cloud or Tencent Cloud, sms.providers.ts). The notifier
// offers each copy inside the change's transaction (platform/notify.ts OutboundQueue): a kind with an approved
// template, switched on by the recipient's station, is queued — or recorded as skipped when the account opted out,
// has no mobile, or a per-recipient or per-day limit is reached. A job sends the queue with back-off retries; the
// provider's delivery receipts mark what reached the phone. Phone numbers are sealed at rest and never logged.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationDate, stationDayBounds } from "../../../contracts/calendar.ts";
import type { SmsMessage, smsMessageListQuery } from "../../../contracts/interop.ts";
import { maskMobile } from "../../../contracts/validators.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { fail, notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import type { OutboundQueue, QueuedMessage } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import { feedbackBackoffMs, MAX_FEEDBACK_ATTEMPTS } from "./hotline.workflow.ts";
import type { Db } from "./interop.repository.ts";
import type { SmsProvider } from "./sms.providers.ts";
import { SmsRepository } from "./sms.repository.ts";

export interface SmsTemplate {
  /** The provider's approved template (Alibaba `SMS_123456789`, Tencent `1234567`). */
  template: string;
  /** The notice's parameters the template takes, in its order. */
  params: string[];
}

export interface SmsConfig {
  provider: SmsProvider;
  signName: string;
  /** Notification kind → template; kinds without one never go by SMS. */
  templates: Record<string, SmsTemplate>;
  perRecipientDay: number;
  perDay: number;
}

/** Any mainland mobile inside a text, masked (provider errors may echo the number). */
export const maskPhones = (text: string) => text.replace(/1[3-9]\d{9}/g, (m) => maskMobile(m));

export class SmsService {
  readonly repo: SmsRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;
  readonly config: SmsConfig | null;
  constructor(db: Kysely<DB>, vault: Vault, clock: Clock, config: SmsConfig | null) {
    this.db = db;
    this.repo = new SmsRepository(db);
    this.vault = vault;
    this.clock = clock;
    this.config = config;
  }

  /** The notifier's queue, when a provider is configured; null leaves the log gateway in place. */
  queue(): OutboundQueue | null {
    const config = this.config;
    if (!config) return null;
    return { enqueue: (trx, message) => this.enqueue(trx, message, config) };
  }

  private async enqueue(trx: Db, m: QueuedMessage, config: SmsConfig): Promise<boolean> {
    const template = config.templates[m.kind];
    if (!template) return false;
    const user = await this.repo.recipient(trx, m.userId);
    if (!user || !(await this.repo.enabled(trx, user.org_unit_id, m.kind))) return false;
    const now = this.clock.now();
    const day = stationDate(now);
    let skip: string | null = null;
    if (await this.repo.optedOut(trx, user.id)) skip = "opted_out";
    else if (!user.mobile_enc) skip = "no_phone";
    else if ((await this.repo.countOfDay(trx, day, user.id)) >= config.perRecipientDay) skip = "recipient_limit";
    else if ((await this.repo.countOfDay(trx, day)) >= config.perDay) skip = "daily_limit";
    await this.repo.insert(trx, {
      user_id: user.id,
      org_unit_id: user.org_unit_id,
      kind: m.kind,
      template: template.template,
      params: JSON.stringify(Object.fromEntries(template.params.map((p) => [p, String(m.params[p] ?? "")]))),
      phone_enc: skip ? null : user.mobile_enc,
      day,
      status: skip ? "skipped" : "pending",
      skip_reason: skip,
      provider: config.provider.name,
      provider_message_id: null,
      next_attempt_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
      receipt_at: null,
    });
    return true;
  }

  /**
   * Sends what is due: ok marks it sent with the provider's id; a retryable error (time-out, 5xx, throttling, a
   * malformed answer) sets the next attempt later (1, 2, 4 … minutes); a permanent refusal, or the tenth attempt,
   * marks it failed. Each row is sent by one runner (the job's lease, and the attempts-checked update).
   */
  async sendDue(now: Date): Promise<{ sent: number; retried: number; failed: number; skipped?: string }> {
    const out = { sent: 0, retried: 0, failed: 0 };
    if (!this.config) return { ...out, skipped: "no SMS provider configured" };
    for (const row of await this.repo.due(now.toISOString(), 50)) {
      const attempts = Number(row.attempts);
      const phone = row.phone_enc ? this.vault.decrypt(row.phone_enc) : null;
      if (!phone) {
        await this.repo.mark(row.id, attempts, { status: "failed", last_error: "no phone" });
        out.failed++;
        continue;
      }
      const result = await this.config.provider.send(
        {
          phone,
          signName: this.config.signName,
          template: row.template,
          params: Object.entries(JSON.parse(row.params) as Record<string, string>),
          outId: `sms-${row.id}`,
        },
        now,
      );
      if (result.ok) {
        await this.repo.mark(row.id, attempts, {
          status: "sent",
          provider_message_id: result.messageId,
          sent_at: now.toISOString(),
          last_error: null,
        });
        out.sent++;
        continue;
      }
      const giveUp = !result.retry || attempts + 1 >= MAX_FEEDBACK_ATTEMPTS;
      await this.repo.mark(row.id, attempts, {
        status: giveUp ? "failed" : "pending",
        last_error: maskPhones(result.error).slice(0, 300),
        next_attempt_at: new Date(now.getTime() + feedbackBackoffMs(attempts + 1)).toISOString(),
      });
      if (giveUp) out.failed++;
      else out.retried++;
    }
    return out;
  }

  /**
   * A provider's delivery receipts (Alibaba: `[{biz_id, success, err_code…}]`; Tencent: `[{sid, report_status…}]`);
   * answers how many it matched. Unknown ids are ignored (a receipt may come for another installation's send).
   */
  async receipts(provider: "aliyun" | "tencent", body: unknown): Promise<number> {
    if (!Array.isArray(body)) throw fail("request.invalid", [{ field: "body", message: "a list of receipts" }]);
    const at = this.clock.now().toISOString();
    let matched = 0;
    for (const r of body as Record<string, unknown>[]) {
      const id = provider === "aliyun" ? r?.biz_id : r?.sid;
      if (typeof id !== "string") continue;
      const delivered = provider === "aliyun" ? r.success === true || r.success === "true" : r.report_status === "SUCCESS";
      if (await this.repo.receipt(provider, id, delivered, at)) matched++;
    }
    return matched;
  }

  // --- the station's choice of kinds, and the account's opt-out

  kinds(): string[] {
    return Object.keys(this.config?.templates ?? {}).sort();
  }

  async settings(user: SessionUser, stationId: number) {
    if (!reachesStation(user, stationId)) throw notFound();
    const rows = await this.repo.settings(stationId);
    return this.kinds().map((kind) => ({ kind, enabled: rows.some((r) => r.kind === kind && r.enabled === 1) }));
  }

  async setSetting(user: SessionUser, input: { stationId: number; kind: string; enabled: boolean }, actor: Actor) {
    if (!reachesStation(user, input.stationId)) throw notFound();
    if (!this.kinds().includes(input.kind)) throw fail("request.invalid", [{ field: "kind", message: "no SMS template for this kind" }]);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setSetting(trx, input.stationId, input.kind, input.enabled, now.toISOString());
      await appendAudit(trx, actor, {
        at: now,
        action: "sms_kind.set",
        objectType: "sms_kind",
        objectId: input.kind,
        stationId: input.stationId,
        after: { enabled: input.enabled },
      });
    });
    return this.settings(user, input.stationId);
  }

  /** A station's messages, newest first: the recipient's phone masked, and the provider's errors too. */
  async messages(user: SessionUser, query: z.output<typeof smsMessageListQuery>) {
    if (!reachesStation(user, query.stationId)) throw notFound();
    const { rows, total, totalCapped } = await this.repo.list({
      stationId: query.stationId,
      status: query.status,
      kind: query.kind || undefined,
      fromIso: query.from ? stationDayBounds(query.from)[0] : undefined,
      toIso: query.to ? stationDayBounds(query.to)[1] : undefined,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const items: SmsMessage[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      skipReason: r.skip_reason,
      recipientName: r.recipient_name,
      recipientPhone: r.phone_enc ? this.vault.masked(r.phone_enc, maskMobile) : null,
      provider: r.provider,
      attempts: Number(r.attempts),
      lastError: r.last_error === null ? null : maskPhones(r.last_error),
      createdAt: r.created_at,
      sentAt: r.sent_at,
      receiptAt: r.receipt_at,
    }));
    return pageAnswer(items, { total, totalCapped }, query);
  }

  async mine(user: SessionUser) {
    return { optedOut: await this.repo.optedOut(this.db, user.id) };
  }

  async setOptOut(user: SessionUser, optOut: boolean, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setOptOut(trx, user.id, optOut, now.toISOString());
      await appendAudit(trx, actor, { at: now, action: optOut ? "sms.opted_out" : "sms.opted_in", objectType: "user", objectId: user.id });
    });
    return { optedOut: optOut };
  }

  jobs(): Job[] {
    return [{ name: "interop.sms_send", everyMs: 30_000, run: (now) => this.sendDue(now) }];
  }
}
