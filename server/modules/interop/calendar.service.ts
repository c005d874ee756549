// Calendar feeds (ICS): each account may have one secret address (/api/public/calendar/<token>.ics) that a phone's or
// a department's calendar subscribes to; it lists the account's duty shifts, Red Shield sessions, meetings and the
// volunteer activities it signed up for and its teams' stage bookings, from 30 days back to 90 ahead. A new address revokes the old one; revoking
// leaves none. The token is kept as its SHA-256 (for lookup) and sealed (to show the address again).
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate, stationInstant } from "../../../contracts/calendar.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Vault } from "../../platform/crypto.ts";
import { notFound } from "../../platform/errors.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { CalendarRepository } from "./calendar.repository.ts";
import { type IcsEvent, renderCalendar } from "./ics.ts";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const PATH = "/api/public/calendar";

export class CalendarService {
  readonly repo: CalendarRepository;
  private readonly db: Kysely<DB>;
  private readonly vault: Vault;
  private readonly clock: Clock;
  constructor(db: Kysely<DB>, vault: Vault, clock: Clock) {
    this.db = db;
    this.repo = new CalendarRepository(db);
    this.vault = vault;
    this.clock = clock;
  }

  async mine(user: SessionUser) {
    const feed = await this.repo.feedOf(user.id);
    return feed
      ? { path: `${PATH}/${this.vault.decrypt(feed.token_enc)}.ics`, createdAt: feed.created_at, lastReadAt: feed.last_read_at }
      : { path: null, createdAt: null, lastReadAt: null };
  }

  /** A new secret address (the old one stops working at once). */
  async renew(user: SessionUser, actor: Actor) {
    const now = this.clock.now();
    const token = randomBytes(24).toString("base64url");
    await this.db.transaction().execute(async (trx) => {
      await this.repo.setFeed(trx, user.id, hashOf(token), this.vault.encrypt(token), now.toISOString());
      await appendAudit(trx, actor, { at: now, action: "calendar_feed.renewed", objectType: "user", objectId: user.id });
    });
    return this.mine(user);
  }

  async revoke(user: SessionUser, actor: Actor) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.revoke(trx, user.id);
      await appendAudit(trx, actor, { at: now, action: "calendar_feed.revoked", objectType: "user", objectId: user.id });
    });
    return this.mine(user);
  }

  /** The feed's text for a token; unknown, revoked or a disabled account's → not found. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw notFound();
    const owner = await this.repo.feedByHash(hashOf(token));
    if (owner?.status !== "active") throw notFound();
    const now = this.clock.now();
    const today = stationDate(now);
    const from = addDays(today, -30);
    const to = addDays(today, 90);
    const staff = can(owner.role, "problem.manage") || owner.role === "branch_secretary" || owner.role === "district_officer";
    const o = {
      id: owner.user_id,
      stationIds: owner.role === "platform_admin" ? null : [owner.org_unit_id],
      unitId: owner.alliance_unit_id,
      merchantId: owner.merchant_id,
      staff,
    };
    const en = owner.locale === "en";
    const fromIso = stationInstant(from, "00:00").toISOString();
    const toIso = stationInstant(to, "23:59").toISOString();
    const [shifts, sessions, meetings, activities, stage] = await Promise.all([
      owner.role === "district_officer" ? Promise.resolve([]) : this.repo.dutyShifts(o, from, to),
      owner.role === "district_officer" ? Promise.resolve([]) : this.repo.redShieldSessions(o, from, to),
      this.repo.meetings(o, fromIso, toIso),
      this.repo.volunteerActivities(owner.user_id, fromIso, toIso),
      this.repo.stageBookings({ id: owner.user_id, residentId: owner.resident_id, merchantId: owner.merchant_id }, fromIso, toIso),
    ]);
    const events: IcsEvent[] = [
      ...shifts.map((s) => ({
        uid: `duty-shift-${s.id}@dandelion`,
        start: stationInstant(s.date, s.start_time),
        end: stationInstant(s.date, s.end_time),
        summary: en ? `Duty at the station: ${s.unit_name}` : `轮值坐班：${s.unit_name}`,
        description: s.note,
      })),
      ...sessions.map((s) => ({
        uid: `red-shield-session-${s.id}@dandelion`,
        start: stationInstant(s.date, s.start_time),
        end: stationInstant(s.date, s.end_time),
        summary: en ? `Red Shield post: ${s.unit_name}` : `红盾先锋驿站：${s.unit_name}`,
        location: s.place,
        status: s.status === "cancelled" ? ("CANCELLED" as const) : ("CONFIRMED" as const),
      })),
      ...meetings.map((m) => ({
        uid: `meeting-${m.id}@dandelion`,
        start: new Date(m.starts_at),
        end: new Date(new Date(m.starts_at).getTime() + 2 * 3_600_000),
        summary: m.title,
        location: m.place,
        status: m.status === "cancelled" ? ("CANCELLED" as const) : ("CONFIRMED" as const),
      })),
      ...activities.map((a) => ({
        uid: `volunteer-signup-${a.id}@dandelion`,
        start: new Date(a.starts_at),
        end: new Date(a.ends_at),
        summary: en ? `Volunteering: ${a.title}` : `志愿服务：${a.title}`,
        location: a.place,
        status: a.status === "cancelled" ? ("CANCELLED" as const) : ("CONFIRMED" as const),
      })),
      ...stage.map((b) => ({
        uid: `stage-booking-${b.id}@dandelion`,
        start: new Date(b.starts_at),
        end: new Date(b.ends_at),
        summary: en ? `Stage: ${b.title}` : `百姓大舞台：${b.title}`,
        description: b.team ?? null,
        location: b.venue,
        // A request not yet approved shows as tentative.
        status: b.status === "approved" ? ("CONFIRMED" as const) : ("TENTATIVE" as const),
      })),
    ];
    await this.repo.touch(owner.user_id, now.toISOString());
    return renderCalendar(en ? "Dandelion — my schedule" : "蒲公英 · 我的日程", events, now);
  }
}
