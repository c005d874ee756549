// Award rounds (评选): monthly per category; nominations by staff, grid workers or residents; review; publicity
// with objections; the award picks the winners and issues each a discount card in the same transaction.
import { type Kysely, sql, type Transaction } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import type {
  AwardCategory,
  nominationCreateSchema,
  nominationReviewSchema,
  objectionCreateSchema,
  objectionDecisionSchema,
  Round,
  RoundStatus,
  roundActionSchema,
  roundCreateSchema,
  roundListQuery,
} from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import { pageRows } from "../../db/paging.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { assertStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { categoryNames } from "./cards.pdf.ts";
import type { CardsService } from "./cards.service.ts";
import {
  addDays,
  addMonthsInclusive,
  awardOutcome,
  chinaToday,
  maskName,
  type NominationStatus,
  nextRoundStatus,
} from "./rounds.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type RoundRow = NonNullable<Awaited<ReturnType<RoundsService["roundRow"]>>>;

export class RoundsService {
  private readonly db: Kysely<DB>;
  private readonly cards: CardsService;
  private readonly notifier: Notifier;
  constructor(db: Kysely<DB>, cards: CardsService, notifier: Notifier) {
    this.db = db;
    this.cards = cards;
    this.notifier = notifier;
  }

  roundRow(id: number, db: Db = this.db) {
    return db.selectFrom("award_rounds").selectAll().where("id", "=", id).executeTakeFirst();
  }

  private async visibleRound(user: SessionUser, id: number, db: Db = this.db): Promise<RoundRow> {
    const row = await this.roundRow(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  private async present(rows: RoundRow[], masked: boolean, db: Db = this.db): Promise<Round[]> {
    const ids = rows.map((r) => r.id);
    const noms = ids.length
      ? await db
          .selectFrom("nominations as n")
          .innerJoin("residents as r", "r.id", "n.resident_id")
          .select([
            "n.id",
            "n.round_id",
            "n.resident_id",
            "r.name",
            "n.reason",
            "n.status",
            "n.nominated_by_name",
            "n.review_note",
            "n.version",
          ])
          .where("n.round_id", "in", ids)
          .orderBy("n.id")
          .execute()
      : [];
    const objections = noms.length
      ? await db
          .selectFrom("objections")
          .select(["id", "nomination_id", "text", "status", "created_at"])
          .where(
            "nomination_id",
            "in",
            noms.map((n) => n.id),
          )
          .orderBy("id")
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      stationId: r.station_id,
      category: r.category as AwardCategory,
      month: r.month,
      status: r.status as RoundStatus,
      publicityDays: r.publicity_days,
      publicityFrom: r.publicity_from,
      publicityUntil: r.publicity_until,
      cardValidMonths: r.card_valid_months,
      nominations: noms
        .filter((n) => n.round_id === r.id)
        .map((n) => ({
          id: n.id,
          roundId: n.round_id,
          residentId: n.resident_id,
          residentName: masked ? maskName(n.name) : n.name,
          reason: n.reason,
          status: n.status as NominationStatus,
          nominatedBy: n.nominated_by_name,
          reviewNote: n.review_note,
          objections: objections
            .filter((o) => o.nomination_id === n.id)
            .map((o) => ({ id: o.id, text: o.text, status: o.status as "open" | "upheld" | "dismissed", createdAt: o.created_at })),
          version: n.version,
        })),
      createdAt: r.created_at,
      version: r.version,
    }));
  }

  async list(user: SessionUser, query: z.output<typeof roundListQuery>) {
    const stations = stationFilter(user, query.stationId);
    let q = this.db.selectFrom("award_rounds");
    if (stations !== null) q = stations.length ? q.where("station_id", "in", stations) : q.where(sql<boolean>`1 = 0`);
    if (query.category) q = q.where("category", "=", query.category);
    if (query.status) q = q.where("status", "=", query.status);
    const { rows, total } = await pageRows(
      q.selectAll().orderBy("month", "desc").orderBy("id", "desc"),
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      async () => 0,
    );
    return {
      items: await this.present(rows as RoundRow[], !can(user.role, "personal.unmask")),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Rounds a resident, merchant or volunteer can take part in on /m/: open for nominations or in publicity. */
  async open(user: SessionUser): Promise<Round[]> {
    const stations = user.stationIds;
    let q = this.db.selectFrom("award_rounds").selectAll().where("status", "in", ["nominating", "publicity"]);
    if (stations !== null) q = stations.length ? q.where("station_id", "in", stations) : q.where(sql<boolean>`1 = 0`);
    const rows = await q.orderBy("month", "desc").orderBy("id", "desc").limit(20).execute();
    const rounds = await this.present(rows, true);
    // Objections are the station's to weigh: the public sees the nominees and reasons only.
    return rounds.map((r) => ({
      ...r,
      nominations: r.nominations.map((n) => ({ ...n, nominatedBy: null, reviewNote: null, objections: [] })),
    }));
  }

  async get(user: SessionUser, id: number): Promise<Round> {
    const row = await this.visibleRound(user, id);
    const [round] = await this.present([row], !can(user.role, "personal.unmask"));
    return round;
  }

  async create(user: SessionUser, input: z.output<typeof roundCreateSchema>, actor: Actor): Promise<Round> {
    const stationId = targetStation(user, input.stationId);
    const now = new Date().toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("award_rounds")
          .values({
            station_id: stationId,
            category: input.category,
            month: input.month,
            status: "nominating",
            publicity_days: input.publicityDays,
            publicity_from: null,
            publicity_until: null,
            card_valid_months: input.cardValidMonths,
            cancel_reason: null,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, {
          action: "round.created",
          objectType: "award_round",
          objectId: row.id,
          stationId,
          after: { category: input.category, month: input.month },
        });
        return row.id;
      });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("round.exists", [{ field: "month" }]);
      throw error;
    }
  }

  async act(user: SessionUser, id: number, input: z.output<typeof roundActionSchema>, actor: Actor): Promise<Round> {
    const outbox = this.notifier.outbox();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRound(user, id, trx);
      const noms = await trx.selectFrom("nominations").select(["id", "resident_id", "status"]).where("round_id", "=", id).execute();
      const objections = noms.length
        ? await trx
            .selectFrom("objections")
            .select(["nomination_id", "status"])
            .where(
              "nomination_id",
              "in",
              noms.map((n) => n.id),
            )
            .execute()
        : [];
      const today = chinaToday();
      const step = nextRoundStatus(input.action, {
        status: row.status as RoundStatus,
        unreviewed: noms.filter((n) => n.status === "nominated").length,
        openObjections: objections.filter((o) => o.status === "open").length,
        publicityUntil: row.publicity_until,
        today,
      });
      if (!step.ok) throw fail(step.refusal);
      const now = new Date().toISOString();
      const values: Record<string, unknown> = { status: step.status, updated_at: now };
      if (input.action === "publish") {
        values.publicity_from = today;
        values.publicity_until = addDays(today, row.publicity_days - 1);
      }
      if (input.action === "cancel") values.cancel_reason = input.reason;
      const r = await trx
        .updateTable("award_rounds")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("id", "=", id)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict();
      const cards: string[] = [];
      if (input.action === "award") {
        const validTo = addMonthsInclusive(today, row.card_valid_months);
        for (const n of noms) {
          const upheld = objections.filter((o) => o.nomination_id === n.id && o.status === "upheld").length;
          const outcome = awardOutcome(n.status as NominationStatus, upheld);
          if (outcome === n.status) continue;
          await trx
            .updateTable("nominations")
            .set((eb) => ({ status: outcome, updated_at: now, version: eb("version", "+", 1) }))
            .where("id", "=", n.id)
            .execute();
          if (outcome !== "winner") continue;
          const card = await this.cards.issueIn(
            trx,
            {
              stationId: row.station_id,
              residentId: n.resident_id,
              roundId: id,
              category: row.category as AwardCategory,
              validFrom: today,
              validTo,
              monthlyCapFen: null,
              monthlyCapUses: null,
            },
            actor,
          );
          cards.push(card.cardNo);
          await this.cards.tellHolder(trx, outbox, n.resident_id, {
            title: "您获得了蒲公英爱心优惠卡",
            body: `恭喜您当选${row.month}${categoryNames[row.category as AwardCategory]}，优惠卡 ${card.cardNo} 有效期至 ${validTo}。`,
          });
        }
      }
      await appendAudit(trx, actor, {
        action: `round.${input.action}`,
        objectType: "award_round",
        objectId: id,
        stationId: row.station_id,
        before: { status: row.status },
        after: { status: step.status, ...(cards.length ? { cards } : {}), ...(input.action === "cancel" ? { reason: input.reason } : {}) },
      });
    });
    await outbox.deliver();
    return this.get(user, id);
  }

  async nominate(user: SessionUser, roundId: number, input: z.output<typeof nominationCreateSchema>, actor: Actor) {
    const round = await this.visibleRound(user, roundId);
    if (round.status !== "nominating") throw fail("nomination.closed");
    const resident = await this.db
      .selectFrom("residents")
      .select(["id", "station_id"])
      .where("id", "=", input.residentId)
      .executeTakeFirst();
    if (!resident || resident.station_id !== round.station_id) throw invalidField("residentId", "v.invalid_value");
    const now = new Date().toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("nominations")
          .values({
            round_id: roundId,
            resident_id: input.residentId,
            nominated_by_user_id: user.id,
            nominated_by_name: user.displayName,
            reason: input.reason,
            status: "nominated",
            review_note: null,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, {
          action: "nomination.created",
          objectType: "nomination",
          objectId: row.id,
          stationId: round.station_id,
          after: { roundId, residentId: input.residentId },
        });
        return row.id;
      });
      return this.nomination(user, roundId, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("nomination.duplicate", [{ field: "residentId" }]);
      throw error;
    }
  }

  private async nominationWithRound(user: SessionUser, nominationId: number, db: Db = this.db) {
    const n = await db.selectFrom("nominations").selectAll().where("id", "=", nominationId).executeTakeFirst();
    if (!n) throw notFound();
    const round = await this.visibleRound(user, n.round_id, db);
    return { n, round };
  }

  async review(user: SessionUser, nominationId: number, input: z.output<typeof nominationReviewSchema>, actor: Actor) {
    const roundId = await this.db.transaction().execute(async (trx) => {
      const { n, round } = await this.nominationWithRound(user, nominationId, trx);
      if (round.status !== "reviewing") throw fail("nomination.closed");
      const status = input.decision === "accept" ? "accepted" : "rejected";
      const r = await trx
        .updateTable("nominations")
        .set((eb) => ({ status, review_note: input.note, updated_at: new Date().toISOString(), version: eb("version", "+", 1) }))
        .where("id", "=", nominationId)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict();
      await appendAudit(trx, actor, {
        action: "nomination.reviewed",
        objectType: "nomination",
        objectId: nominationId,
        stationId: round.station_id,
        before: { status: n.status },
        after: { status, note: input.note },
      });
      return round.id;
    });
    return this.nomination(user, roundId, nominationId);
  }

  /** One nomination as presented in its round (names masked for anyone but station staff). */
  private async nomination(user: SessionUser, roundId: number, nominationId: number) {
    const round = await this.get(user, roundId);
    const n = round.nominations.find((x) => x.id === nominationId);
    if (!n) throw notFound();
    return n;
  }

  async object(user: SessionUser, nominationId: number, input: z.output<typeof objectionCreateSchema>, actor: Actor) {
    const { n, round } = await this.nominationWithRound(user, nominationId);
    if (round.status !== "publicity") throw fail("nomination.closed");
    if (n.status !== "accepted") throw fail("nomination.not_accepted");
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("objections")
        .values({
          nomination_id: nominationId,
          by_user_id: user.id,
          text: input.text,
          status: "open",
          decision_note: null,
          created_at: new Date().toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: "objection.created",
        objectType: "objection",
        objectId: row.id,
        stationId: round.station_id,
        after: { nominationId },
      });
      return row.id;
    });
    return { id, nominationId, status: "open" as const };
  }

  async decide(user: SessionUser, objectionId: number, input: z.output<typeof objectionDecisionSchema>, actor: Actor) {
    const roundId = await this.db.transaction().execute(async (trx) => {
      const o = await trx.selectFrom("objections").selectAll().where("id", "=", objectionId).executeTakeFirst();
      if (!o) throw notFound();
      const { round } = await this.nominationWithRound(user, o.nomination_id, trx);
      if (round.status !== "publicity") throw fail("nomination.closed");
      const status = input.decision === "uphold" ? "upheld" : "dismissed";
      const r = await trx
        .updateTable("objections")
        .set({ status, decision_note: input.note })
        .where("id", "=", objectionId)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw fail("objection.decided");
      await appendAudit(trx, actor, {
        action: "objection.decided",
        objectType: "objection",
        objectId: objectionId,
        stationId: round.station_id,
        after: { status, note: input.note },
      });
      return round.id;
    });
    return this.get(user, roundId);
  }

  /** The public honour roll: winners of awarded rounds by month and category, names masked to the surname. */
  async honourRoll(stationId: number | undefined) {
    let q = this.db
      .selectFrom("nominations as n")
      .innerJoin("award_rounds as a", "a.id", "n.round_id")
      .innerJoin("residents as r", "r.id", "n.resident_id")
      .select(["a.month", "a.category", "r.name"])
      .where("a.status", "=", "awarded")
      .where("n.status", "=", "winner");
    if (stationId !== undefined) q = q.where("a.station_id", "=", stationId);
    const rows = await q.orderBy("a.month", "desc").orderBy("a.category").orderBy("n.id").limit(2000).execute();
    const groups = new Map<string, { month: string; category: AwardCategory; names: string[] }>();
    for (const r of rows) {
      const key = `${r.month}|${r.category}`;
      let g = groups.get(key);
      if (!g) {
        g = { month: r.month, category: r.category as AwardCategory, names: [] };
        groups.set(key, g);
      }
      g.names.push(maskName(r.name));
    }
    return [...groups.values()];
  }
}
