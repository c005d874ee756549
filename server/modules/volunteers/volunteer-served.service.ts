// People served (服务对象): after an occurrence took place its organiser records how many people were served by kind
// of the taking-part teams' service menus (knives sharpened, haircuts, legal consultations, counselling sessions…),
// each entry maybe linked to a merchant or resident of the station, who is told and may confirm it on their phone.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { stationTime } from "../../../contracts/calendar.ts";
import type { servedCreateSchema } from "../../../contracts/volunteers.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser } from "../../platform/scope.ts";
import { manages, refuse, stateOf } from "./volunteers.access.ts";
import { presentServed, teamIdsOf } from "./volunteers.presenter.ts";
import type { ServedValues, VolunteersRepository } from "./volunteers.repository.ts";
import { servedStep } from "./volunteers.workflow.ts";

const menuOf = (text: string): { kind: string; name: string }[] => {
  try {
    return JSON.parse(text) as { kind: string; name: string }[];
  } catch {
    return [];
  }
};

export class VolunteerServedService {
  private readonly db: Kysely<DB>;
  private readonly repo: VolunteersRepository;
  private readonly notifier: Notifier | null;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: VolunteersRepository, notifier: Notifier | null, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.notifier = notifier;
    this.clock = clock;
  }

  async list(user: SessionUser, occurrenceId: number) {
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    return (await this.repo.servedOf([occurrenceId])).map(presentServed);
  }

  /**
   * The organiser records people served at an occurrence that took place (ended, not withdrawn or cancelled): each
   * entry's kind on the menu of one of its teams, a bounded count, maybe one merchant or resident of the station.
   * All entries or none, in one transaction with the audit entry; the linked people are told after the commit.
   */
  async record(user: SessionUser, occurrenceId: number, input: z.output<typeof servedCreateSchema>, actor: Actor) {
    const now = this.clock.now();
    const at = now.toISOString();
    const row = await this.repo.occurrence(occurrenceId);
    if (!row || !manages(user, row.station_id)) throw notFound();
    if (servedStep(stateOf(row), now)) throw refuse("volunteer.not_held");
    const teams = await this.repo.teamsByIds(teamIdsOf(row));
    const values: ServedValues[] = [];
    const linked: { index: number; kind: "merchant" | "resident"; id: number }[] = [];
    for (const [i, e] of input.entries.entries()) {
      const candidates = e.teamId !== undefined ? teams.filter((t) => t.id === e.teamId) : teams;
      if (e.teamId !== undefined && candidates.length === 0) throw refuse("volunteer.bad_team", {}, `entries.${i}.teamId`);
      const team = candidates.find((t) => menuOf(t.service_menu).some((m) => m.kind === e.kind));
      if (!team) throw refuse("volunteer.kind_not_on_menu", { kind: e.kind }, `entries.${i}.kind`);
      for (const kind of ["merchant", "resident"] as const) {
        const id = kind === "merchant" ? e.merchantId : e.residentId;
        if (id === undefined) continue;
        const who = await this.repo.beneficiary(kind, id);
        if (!who || who.station_id !== row.station_id) throw refuse("volunteer.bad_beneficiary", {}, `entries.${i}.${kind}Id`);
        linked.push({ index: i, kind, id });
      }
      values.push({
        station_id: row.station_id,
        occurrence_id: occurrenceId,
        team_id: team.id,
        kind: e.kind,
        count: e.count,
        merchant_id: e.merchantId ?? null,
        resident_id: e.residentId ?? null,
        note: e.note ?? null,
        recorded_by_user_id: user.id,
        recorded_at: at,
        confirmed_at: null,
        confirmed_by_user_id: null,
        updated_at: at,
      });
    }
    const outbox = this.notifier?.outbox() ?? null;
    const ids = await this.db.transaction().execute(async (trx) => {
      // The occurrence's row first: a cancellation meanwhile is seen, and entries of one occurrence go in turn.
      await this.repo.lockOccurrence(trx, occurrenceId, at);
      const occ = await this.repo.occurrence(occurrenceId, trx);
      if (!occ || servedStep(stateOf(occ), now)) throw refuse("volunteer.not_held");
      const inserted = await this.repo.insertServed(trx, values);
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_served.recorded",
        objectType: "volunteer_occurrence",
        objectId: occurrenceId,
        stationId: row.station_id,
        after: {
          servedIds: inserted,
          entries: values.map((v) => ({
            teamId: v.team_id,
            kind: v.kind,
            count: v.count,
            merchantId: v.merchant_id,
            residentId: v.resident_id,
          })),
        },
      });
      if (outbox) {
        for (const l of linked) {
          const v = values[l.index];
          const team = teams.find((t) => t.id === v.team_id);
          const service = menuOf(team?.service_menu ?? "[]").find((m) => m.kind === v.kind)?.name ?? v.kind;
          await outbox.addMany(trx, await this.repo.accountsOf(l.kind, l.id, trx), {
            kind: "volunteer.served_to_confirm",
            notice: "volunteer.served_to_confirm",
            params: {
              team: team?.name ?? "",
              title: row.title,
              date: `${row.date} ${stationTime(row.starts_at)}`,
              service,
              count: v.count,
            },
            link: "/m/volunteer-served",
          });
        }
      }
      return inserted;
    });
    await outbox?.deliver();
    const rows = await this.repo.servedOf([occurrenceId]);
    return rows.filter((r) => ids.includes(r.id)).map(presentServed);
  }

  /** The organiser takes back an entry not confirmed yet (a confirmed one stays: it is the person's word too). */
  async remove(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const entry = await this.repo.served(id);
    if (!entry || !manages(user, entry.station_id)) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      const current = await this.repo.served(id, trx);
      if (!current) throw notFound();
      if (current.confirmed_at) throw refuse("volunteer.served_confirmed");
      if (!(await this.repo.deleteServed(trx, id))) throw notFound();
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_served.removed",
        objectType: "volunteer_served",
        objectId: id,
        stationId: current.station_id,
        before: {
          occurrenceId: current.occurrence_id,
          kind: current.kind,
          count: current.count,
          merchantId: current.merchant_id,
          residentId: current.resident_id,
        },
      });
    });
    return { ok: true as const };
  }

  /** The services the caller (a merchant or a resident) received, to confirm. */
  async mine(user: SessionUser) {
    const rows = await this.repo.servedFor({ merchantId: user.merchantId, residentId: user.residentId });
    return rows.map((r) => ({ ...presentServed(r), title: r.title, date: r.date, place: r.place }));
  }

  /** The merchant or resident served confirms it, once. */
  async confirm(user: SessionUser, id: number, actor: Actor) {
    const now = this.clock.now();
    const entry = await this.repo.served(id);
    const mine =
      entry &&
      ((entry.merchant_id !== null && entry.merchant_id === user.merchantId) ||
        (entry.resident_id !== null && entry.resident_id === user.residentId));
    if (!entry || !mine) throw notFound();
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.confirmServed(trx, id, user.id, now.toISOString()))) throw refuse("volunteer.served_confirmed");
      await appendAudit(trx, actor, {
        at: now,
        action: "volunteer_served.confirmed",
        objectType: "volunteer_served",
        objectId: id,
        stationId: entry.station_id,
        after: { confirmedAt: now.toISOString() },
      });
    });
    const rows = await this.repo.servedFor({ merchantId: user.merchantId, residentId: user.residentId });
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return { ...presentServed(row), title: row.title, date: row.date, place: row.place };
  }
}
