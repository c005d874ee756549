// WeChat template messages through the station's official account (公众号): an account binds its openid by its own
// consent (the phone page, through WeChat's web authorisation `code`), and the notifier's copies of the kinds with a
// template in WECHAT_TEMPLATES are queued for it inside the change's transaction; a job sends them with back-off.
// The access token is fetched from `cgi-bin/token`, kept sealed in the database so every node shares it, refreshed
// five minutes before it expires, and at once when WeChat says it is invalid (40001, 42001, 40014).
import type { Kysely } from "kysely";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { fail } from "../../platform/errors.ts";
import type { Job } from "../../platform/jobs.ts";
import type { OutboundQueue, QueuedMessage } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { feedbackBackoffMs, MAX_FEEDBACK_ATTEMPTS } from "./hotline.workflow.ts";
import type { Db } from "./interop.repository.ts";
import { WechatRepository } from "./wechat.repository.ts";

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com (tests: a stand-in). */
  endpoint: string;
  timeoutMs: number;
  /** Kind → template id and its fields: template field → notice parameter. */
  templates: Record<string, { template: string; fields: Record<string, string> }>;
  /** The app's public address, for the message's link (`https://…/m/problems/12`). */
  linkBase: string | null;
}

const TOKEN_MARGIN_MS = 5 * 60_000;
const invalidToken = new Set([40001, 40014, 42001]);
// Refusals a retry cannot cure: the openid, the template, the user unsubscribed or refused messages.
const permanent = new Set([40003, 40037, 43004, 43101, 47003, 40036]);

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

async function getJson(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      const body = JSON.parse(text);
      if (!body || typeof body !== "object") return { ok: false, error: `malformed answer (HTTP ${res.status})` };
      return { ok: true, body };
    } catch {
      return { ok: false, error: `malformed answer (HTTP ${res.status})` };
    }
  } catch (e) {
    return { ok: false, error: (e as Error).name === "TimeoutError" ? "timeout" : `network: ${(e as Error).message}` };
  }
}

export class WechatService {
  readonly repo: WechatRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;
  readonly config: WechatConfig | null;
  constructor(db: Kysely<DB>, vault: Vault, clock: Clock, config: WechatConfig | null) {
    this.db = db;
    this.repo = new WechatRepository(db);
    this.vault = vault;
    this.clock = clock;
    this.config = config;
  }

  queue(): OutboundQueue | null {
    const config = this.config;
    if (!config) return null;
    return { enqueue: (trx, m) => this.enqueue(trx, m, config) };
  }

  private async enqueue(trx: Db, m: QueuedMessage, config: WechatConfig): Promise<boolean> {
    const template = config.templates[m.kind];
    if (!template) return false;
    const bound = await this.repo.binding(trx, m.userId);
    if (!bound) return false;
    const now = this.clock.now().toISOString();
    const data = Object.fromEntries(
      Object.entries(template.fields).map(([field, param]) => [field, { value: String(m.params[param] ?? "").slice(0, 20) }]),
    );
    await this.repo.insertMessage(trx, {
      user_id: m.userId,
      kind: m.kind,
      template: template.template,
      data: JSON.stringify(data),
      link: m.link && config.linkBase ? `${config.linkBase.replace(/\/$/, "")}${m.link}` : null,
      status: "pending",
      provider_message_id: null,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    });
    return true;
  }

  // --- the access token

  /** The shared token, fetched when missing, within five minutes of expiry, or when `stale` (WeChat refused it). */
  async accessToken(now: Date, stale?: string): Promise<{ token: string } | { error: string }> {
    const config = this.config;
    if (!config) return { error: "WeChat is not configured" };
    const row = await this.repo.token(config.appId);
    if (row) {
      const token = this.vault.decrypt(row.token_enc);
      if (token !== stale && Date.parse(row.expires_at) - TOKEN_MARGIN_MS > now.getTime()) return { token };
    }
    const url = `${config.endpoint}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}`;
    const answer = await getJson(url, { method: "GET" }, config.timeoutMs);
    if (!answer.ok) return { error: `token: ${answer.error}` };
    const {
      access_token: token,
      expires_in: expiresIn,
      errcode,
    } = answer.body as { access_token?: unknown; expires_in?: unknown; errcode?: unknown };
    if (typeof token !== "string" || typeof expiresIn !== "number") return { error: `token: ${errcode ?? "malformed answer"}` };
    const values = {
      token_enc: this.vault.encrypt(token),
      expires_at: new Date(now.getTime() + expiresIn * 1000).toISOString(),
      fetched_at: now.toISOString(),
    };
    await this.repo.saveToken(config.appId, values);
    return { token };
  }

  private async post(now: Date, path: string, body: object): Promise<Answer> {
    const config = this.config;
    if (!config) return { ok: false, error: "WeChat is not configured" };
    let stale: string | undefined;
    for (let round = 0; round < 2; round++) {
      const token = await this.accessToken(now, stale);
      if ("error" in token) return { ok: false, error: token.error };
      const answer = await getJson(
        `${config.endpoint}${path}?access_token=${encodeURIComponent(token.token)}`,
        { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
        config.timeoutMs,
      );
      if (answer.ok && invalidToken.has(Number(answer.body.errcode))) {
        stale = token.token;
        continue;
      }
      return answer;
    }
    return { ok: false, error: "token refused twice" };
  }

  async sendDue(now: Date): Promise<{ sent: number; retried: number; failed: number; skipped?: string }> {
    const out = { sent: 0, retried: 0, failed: 0 };
    if (!this.config) return { ...out, skipped: "WeChat is not configured" };
    const due = await this.repo.due(now.toISOString(), 50);
    for (const m of due) {
      const answer = await this.post(now, "/cgi-bin/message/template/send", {
        touser: m.openid,
        template_id: m.template,
        ...(m.link ? { url: m.link } : {}),
        data: JSON.parse(m.data),
      });
      const attempts = Number(m.attempts);
      const mark = (values: {
        status: "sent" | "pending" | "failed";
        provider_message_id?: string;
        sent_at?: string;
        last_error?: string | null;
        next_attempt_at?: string;
      }) => this.repo.mark(m.id, attempts, values);
      const code = answer.ok ? Number(answer.body.errcode ?? 0) : null;
      if (answer.ok && code === 0 && answer.body.msgid !== undefined) {
        await mark({ status: "sent", provider_message_id: String(answer.body.msgid), sent_at: now.toISOString(), last_error: null });
        out.sent++;
        continue;
      }
      const error = answer.ok ? `${code}: ${String(answer.body.errmsg ?? "")}`.slice(0, 300) : answer.error;
      const giveUp = (code !== null && permanent.has(code)) || attempts + 1 >= MAX_FEEDBACK_ATTEMPTS;
      await mark({
        status: giveUp ? "failed" : "pending",
        last_error: error,
        next_attempt_at: new Date(now.getTime() + feedbackBackoffMs(attempts + 1)).toISOString(),
      });
      if (giveUp) out.failed++;
      else out.retried++;
    }
    return out;
  }

  // --- the account's binding, by its consent

  async mine(user: SessionUser) {
    const row = await this.repo.binding(this.db, user.id);
    return { configured: this.config !== null, bound: row !== undefined, consentedAt: row?.consented_at ?? null };
  }

  /** Binds the openid WeChat gives for the web-authorisation `code`, once the account consented. */
  async bind(user: SessionUser, input: { code: string; consent: boolean }, actor: Actor) {
    const config = this.config;
    if (!config) throw fail("interop.wechat_off");
    if (!input.consent) throw fail("interop.wechat_consent", [{ field: "consent" }]);
    const url = `${config.endpoint}/sns/oauth2/access_token?appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}&code=${encodeURIComponent(input.code)}&grant_type=authorization_code`;
    const answer = await getJson(url, { method: "GET" }, config.timeoutMs);
    const openid = answer.ok ? answer.body.openid : undefined;
    if (typeof openid !== "string") throw fail("interop.wechat_code", [{ field: "code" }]);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.bind(trx, user.id, openid, now.toISOString());
      await appendAudit(trx, actor, { at: now, action: "wechat.bound", objectType: "user", objectId: user.id });
    });
    return this.mine(user);
  }

  async unbind(user: SessionUser, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.unbind(trx, user.id);
      await appendAudit(trx, actor, { at: now, action: "wechat.unbound", objectType: "user", objectId: user.id });
    });
    return this.mine(user);
  }

  jobs(): Job[] {
    return [{ name: "interop.wechat_send", everyMs: 30_000, run: (now) => this.sendDue(now) }];
  }
}
