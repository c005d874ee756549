// Notifications: the in-app row is written inside the caller's transaction (so it lands exactly when the change
// does); the outbound copy (SMS, WeChat) goes out through a pluggable gateway only after the commit. The default
// gateway writes a log line with the user id and kind only — never the text, which can carry personal data.
// When an outbound queue is set (SMS through a provider: server/modules/interop/sms.service.ts), the copy is offered
// to it inside the same transaction instead — the queue records it with the change, and a job sends it with retries,
// so a copy is never lost to a crash between the commit and the send.
// Both copies are written in the recipient's language (the account's locale): the caller names a text of the
// catalogue (contracts/notices.ts) and its parameters, and the outbox renders it per recipient.
import type { Kysely, Transaction } from "kysely";
import {
  type NoticeId,
  type NoticeKind,
  type NoticeLanguage,
  type NoticeParams,
  noticeLanguage,
  renderNotice,
} from "../../contracts/notices.ts";
import { deferWrite } from "../db/before-commit.ts";
import { dialectOf } from "../db/database.ts";
import { preparedQuery } from "../db/prepared.ts";
import type { DB } from "../db/tables.ts";
import type { Clock } from "./clock.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface NotificationInput {
  userId: number;
  /** Stable kind, e.g. `problem.assign` or a notice's id (`contracts/notices.ts`, `NoticeKind`: each has its words). */
  kind: NoticeKind;
  /** The text in the catalogue, and what fills its placeholders. */
  notice: NoticeId;
  params?: NoticeParams;
  link?: string | null;
}

export interface OutboundMessage {
  userId: number;
  channel: "sms" | "wechat";
  text: string;
  kind?: string;
}

export interface OutboundGateway {
  send(message: OutboundMessage): Promise<void> | void;
}

/** An outbound copy as a queue sees it: the catalogue's text and its parameters (for a provider's template). */
export interface QueuedMessage extends OutboundMessage {
  kind: string;
  notice: NoticeId;
  params: NoticeParams;
  language: NoticeLanguage;
  /** Where the notification leads in the app (`/m/problems/12`), for a message that can open it. */
  link: string | null;
}

/**
 * Takes outbound copies inside the change's transaction. `enqueue` returns true when it took the copy (the gateway
 * is then not called for it), false when this kind does not go its way.
 */
export interface OutboundQueue {
  enqueue(trx: Db, message: QueuedMessage): Promise<boolean>;
}

interface LogLike {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The default gateway: a log line per message, without personal data (no text, no phone). */
export function logGateway(log: LogLike): OutboundGateway {
  return {
    send(message) {
      log.info({ userId: message.userId, kind: message.kind ?? null, channel: message.channel }, "outbound notification");
    },
  };
}

/** The in-app row, compiled once (server/db/prepared.ts): most writes notify someone. */
const insertNotification = preparedQuery(
  (db, v: { userId: number; kind: string; title: string; body: string; link: string | null; at: string }) =>
    db
      .insertInto("notifications")
      .values({ user_id: v.userId, kind: v.kind, title: v.title, body: v.body, link: v.link, read_at: null, created_at: v.at }),
);

/** The languages of some accounts (missing accounts read Chinese). */
export async function languagesOf(db: Db, userIds: number[]): Promise<Map<number, NoticeLanguage>> {
  const out = new Map<number, NoticeLanguage>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom("users")
      .select(["id", "locale"])
      .where("id", "in", userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, noticeLanguage(r.locale));
  }
  return out;
}

/**
 * Inserts one in-app notification inside the caller's transaction, in the recipient's language; returns its text.
 * On PostgreSQL the insert goes with the commit's statement (`deferWrite`): nothing reads it before the commit.
 */
export async function notify(
  trx: Db,
  n: NotificationInput,
  at: Date,
  language?: NoticeLanguage,
): Promise<{ title: string; body: string; language: NoticeLanguage }> {
  const lang = language ?? (await languagesOf(trx, [n.userId])).get(n.userId) ?? "zh-CN";
  const text = renderNotice(n.notice, n.params ?? {}, lang);
  const insert = insertNotification(trx, {
    userId: n.userId,
    kind: n.kind,
    title: text.title,
    body: text.body,
    link: n.link ?? null,
    at: at.toISOString(),
  });
  await deferWrite(trx, insert, dialectOf(trx));
  return { ...text, language: lang };
}

/** The SMS copy: the title, then the body, joined as each language writes it. */
function smsText(text: { title: string; body: string; language: NoticeLanguage }): string {
  return text.language === "en" ? `${text.title}: ${text.body}` : `${text.title}：${text.body}`;
}

/**
 * Collects the notifications of one transaction: `add` writes the in-app row at once, `deliver` (called after
 * the commit) hands the outbound copies to the gateway. A failing gateway never undoes the change.
 */
export class Outbox {
  private readonly messages: OutboundMessage[] = [];
  private readonly notifier: Notifier;
  constructor(notifier: Notifier) {
    this.notifier = notifier;
  }

  async add(trx: Db, n: NotificationInput, language?: NoticeLanguage): Promise<void> {
    const text = await notify(trx, n, this.notifier.clock.now(), language);
    const message: OutboundMessage = { userId: n.userId, channel: "sms", text: smsText(text), kind: n.kind };
    const queue = this.notifier.queue;
    if (
      queue &&
      (await queue.enqueue(trx, {
        ...message,
        kind: n.kind,
        notice: n.notice,
        params: n.params ?? {},
        language: text.language,
        link: n.link ?? null,
      }))
    ) {
      return;
    }
    this.messages.push(message);
  }

  async addMany(trx: Db, userIds: Iterable<number>, n: Omit<NotificationInput, "userId">): Promise<void> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    const languages = await languagesOf(trx, ids);
    for (const userId of ids) await this.add(trx, { ...n, userId }, languages.get(userId) ?? "zh-CN");
  }

  get size() {
    return this.messages.length;
  }

  async deliver(): Promise<void> {
    const messages = this.messages.splice(0);
    for (const m of messages) await this.notifier.send(m);
  }
}

export class Notifier {
  private readonly gateway: OutboundGateway;
  private readonly log: LogLike;
  /** The time in-app notifications are stamped with. */
  readonly clock: Clock;
  /** Where outbound copies are queued inside the transaction, when set (setQueue); otherwise the gateway. */
  queue: OutboundQueue | null = null;
  constructor(gateway: OutboundGateway, log: LogLike, clock: Clock) {
    this.gateway = gateway;
    this.log = log;
    this.clock = clock;
  }

  /** Plugs in the outbound queue (the SMS service is built after the services that notify). */
  setQueue(queue: OutboundQueue | null) {
    this.queue = queue;
  }

  outbox(): Outbox {
    return new Outbox(this);
  }

  async send(message: OutboundMessage): Promise<void> {
    try {
      await this.gateway.send(message);
    } catch (error) {
      this.log.warn({ userId: message.userId, kind: message.kind ?? null, err: (error as Error).message }, "outbound notification failed");
    }
  }
}

/** Active accounts of an alliance unit or department (who hear about problems assigned to it). */
export async function usersOfUnit(db: Db, unitId: number): Promise<number[]> {
  const rows = await db.selectFrom("users").select("id").where("alliance_unit_id", "=", unitId).where("status", "=", "active").execute();
  return rows.map((r) => r.id);
}

/** Active accounts of a station's own staff (station admin and staff). */
export async function staffOfStation(db: Db, stationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where("org_unit_id", "=", stationId)
    .where("role", "in", ["station_admin", "station_staff"])
    .where("status", "=", "active")
    .execute();
  return rows.map((r) => r.id);
}
