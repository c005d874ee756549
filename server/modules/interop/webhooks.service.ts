// Webhooks: other systems subscribe to events — a problem's step, a discount-card redemption, a meeting's resolution.
// A job reads each source's new rows past its cursor (the other modules' tables, read only: nothing in their code
// changes and no caller waits), queues one delivery per subscription and row (unique, so never twice), and POSTs
// them signed — `X-Dandelion-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">` — retrying with back-off; a
// receiver that never answers times out, is recorded and retried, and blocks nobody. Payloads carry no personal data.
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Webhook, WebhookEvent, webhookCreateSchema } from "../../../contracts/interop.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { notFound } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import { feedbackBackoffMs, MAX_FEEDBACK_ATTEMPTS } from "./hotline.workflow.ts";
import { WebhooksRepository } from "./webhooks.repository.ts";

const BATCH = 500;
type Row = { sourceId: number; stationId: number; payload: Record<string, unknown> };

export class WebhooksService {
  readonly repo: WebhooksRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  constructor(db: Kysely<DB>, vault: Vault, clock: Clock, timeoutMs: number) {
    this.db = db;
    this.repo = new WebhooksRepository(db);
    this.vault = vault;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
  }

  async list(): Promise<Webhook[]> {
    return (await this.repo.subscriptions()).map((s) => ({
      id: s.id,
      name: s.name,
      url: s.url,
      events: JSON.parse(s.events) as WebhookEvent[],
      stationId: s.station_id,
      active: s.active === 1,
      createdAt: s.created_at,
      pending: Number(s.pending ?? 0),
      failed: Number(s.failed ?? 0),
    }));
  }

  /** A subscription; the answer carries its signing secret, this once. */
  async create(input: z.output<typeof webhookCreateSchema>, actor: Actor): Promise<Webhook & { secret: string }> {
    const now = this.clock.now();
    const secret = `whsec_${randomBytes(24).toString("base64url")}`;
    const id = await this.db.transaction().execute(async (trx) => {
      const created = await this.repo.insertSubscription(trx, {
        name: input.name,
        url: input.url,
        secret_enc: this.vault.encrypt(secret),
        events: JSON.stringify([...new Set(input.events)]),
        station_id: input.stationId,
        active: 1,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "webhook.created",
        objectType: "webhook",
        objectId: created,
        after: { name: input.name, url: input.url, events: input.events },
      });
      return created;
    });
    const made = (await this.list()).find((w) => w.id === id);
    if (!made) throw notFound();
    return { ...made, secret };
  }

  async setActive(id: number, active: boolean, actor: Actor): Promise<Webhook> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.setActive(trx, id, active))) throw notFound();
      await appendAudit(trx, actor, {
        at: now,
        action: active ? "webhook.enabled" : "webhook.disabled",
        objectType: "webhook",
        objectId: id,
      });
    });
    const w = (await this.list()).find((x) => x.id === id);
    if (!w) throw notFound();
    return w;
  }

  async deliveries(id: number) {
    if (!(await this.repo.secretOf(id))) throw notFound();
    return (await this.repo.deliveries(id, 100)).map((d) => ({
      id: d.id,
      event: d.event,
      sourceId: d.source_id,
      status: d.status,
      attempts: Number(d.attempts),
      lastStatus: d.last_status,
      lastError: d.last_error,
      createdAt: d.created_at,
      deliveredAt: d.delivered_at,
      nextAttemptAt: d.next_attempt_at,
    }));
  }

  /** Reads each source past its cursor and queues the deliveries; a source is read from now on the first run. */
  async collect(now: Date): Promise<number> {
    const subscriptions = (await this.list()).filter((s) => s.active);
    const sources: {
      event: WebhookEvent;
      table: "problem_events" | "redemptions" | "action_items";
      read: (after: number) => Promise<Row[]>;
    }[] = [
      {
        event: "problem.step",
        table: "problem_events",
        read: async (after) =>
          (await this.repo.problemSteps(after, BATCH)).map((e) => ({
            sourceId: e.id,
            stationId: e.station_id,
            payload: {
              problemId: e.problem_id,
              code: e.code,
              action: e.action,
              from: e.from_status,
              to: e.to_status,
              unit: e.unit_name,
              category: e.category_code,
              at: e.at,
            },
          })),
      },
      {
        event: "redemption.created",
        table: "redemptions",
        read: async (after) =>
          (await this.repo.redemptions(after, BATCH)).map((r) => ({
            sourceId: r.id,
            stationId: r.station_id,
            payload: {
              redemptionId: r.id,
              shopId: r.shop_id,
              method: r.method,
              amountFen: r.amount_fen,
              discountFen: r.discount_fen,
              payFen: r.pay_fen,
              at: r.created_at,
            },
          })),
      },
      {
        event: "meeting.resolution",
        table: "action_items",
        read: async (after) =>
          (await this.repo.resolutions(after, BATCH)).map((a) => ({
            sourceId: a.id,
            stationId: a.station_id,
            payload: {
              resolutionId: a.id,
              meetingId: a.meeting_id,
              meeting: a.meeting_title,
              text: a.text,
              ownerUnit: a.unit_name,
              dueDate: a.due_date,
              at: a.created_at,
            },
          })),
      },
    ];
    let queued = 0;
    for (const source of sources) {
      let cursor = await this.repo.cursor(source.event);
      if (cursor === null) {
        cursor = await this.repo.maxId(source.table);
        await this.repo.setCursor(source.event, cursor);
        continue;
      }
      const rows = await source.read(cursor);
      if (rows.length === 0) continue;
      const values = rows.flatMap((row) =>
        subscriptions
          .filter((s) => s.events.includes(source.event) && (s.stationId === null || s.stationId === row.stationId))
          .map((s) => ({
            subscription_id: s.id,
            event: source.event,
            source_id: row.sourceId,
            payload: JSON.stringify({
              event: source.event,
              id: `${source.event}:${row.sourceId}`,
              stationId: row.stationId,
              data: row.payload,
            }),
            status: "pending" as const,
            next_attempt_at: now.toISOString(),
            last_status: null,
            last_error: null,
            created_at: now.toISOString(),
            delivered_at: null,
          })),
      );
      await this.repo.queue(values);
      queued += values.length;
      await this.repo.setCursor(source.event, rows[rows.length - 1].sourceId);
    }
    return queued;
  }

  async deliver(now: Date): Promise<{ delivered: number; retried: number; failed: number }> {
    const out = { delivered: 0, retried: 0, failed: 0 };
    for (const d of await this.repo.due(now.toISOString(), 50)) {
      const attempts = Number(d.attempts);
      const t = Math.floor(now.getTime() / 1000);
      const signature = createHmac("sha256", this.vault.decrypt(d.secret_enc)).update(`${t}.${d.payload}`).digest("hex");
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(d.url, {
          method: "POST",
          body: d.payload,
          headers: {
            "content-type": "application/json",
            "x-dandelion-event": d.event,
            "x-dandelion-delivery": String(d.id),
            "x-dandelion-signature": `t=${t},v1=${signature}`,
          },
          signal: AbortSignal.timeout(this.timeoutMs),
          redirect: "manual",
        });
        status = res.status;
        await res.text().catch(() => "");
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).name === "TimeoutError" ? "timeout" : `network: ${(e as Error).message}`.slice(0, 200);
      }
      if (error === null) {
        await this.repo.mark(d.id, attempts, {
          status: "delivered",
          last_status: status,
          last_error: null,
          delivered_at: now.toISOString(),
        });
        out.delivered++;
      } else {
        const giveUp = attempts + 1 >= MAX_FEEDBACK_ATTEMPTS;
        await this.repo.mark(d.id, attempts, {
          status: giveUp ? "failed" : "pending",
          last_status: status,
          last_error: error,
          next_attempt_at: new Date(now.getTime() + feedbackBackoffMs(attempts + 1)).toISOString(),
        });
        if (giveUp) out.failed++;
        else out.retried++;
      }
    }
    return out;
  }

  jobs(): Job[] {
    return [
      {
        name: "interop.webhooks",
        everyMs: 30_000,
        run: async (now) => ({ queued: await this.collect(now), ...(await this.deliver(now)) }),
      },
    ];
  }
}
