// Award rounds (评选): monthly per category; nominations by staff, grid workers or residents; review; publicity
// with objections; the award picks the winners and issues each a discount card in the same transaction.
import type { Kysely, Transaction, Updateable } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type {
  nominationCreateSchema,
  nominationReviewSchema,
  objectionCreateSchema,
  objectionDecisionSchema,
  Round,
  roundActionSchema,
  roundCreateSchema,
  roundListQuery,
} from "../../../contracts/caring.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { AwardRoundTable, DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { categoryNames, categoryNamesEn } from "./cards.pdf.ts";
import type { CardsService } from "./cards.service.ts";
import { presentHonourRoll, presentRounds, publicRound } from "./caring.presenter.ts";
import { type NominationListRow, type RoundRow, RoundsRepository } from "./rounds.repository.ts";
import { addMonthsInclusive, awardOutcome, nextRoundStatus } from "./rounds.workflow.ts";

type Db = Kysely<DB> | Transaction<DB>;
type VolunteerHoursReader = (userIds: number[], period: { from: string; to: string }) => Promise<{ userId: number; hours: number }[]>;

export class RoundsService {
  readonly repo: RoundsRepository;
  private readonly db: Kysely<DB>;
  private readonly cards: CardsService;
  private readonly notifier: Notifier;
  private readonly clock: Clock;
  private volunteerHours: VolunteerHoursReader | null = null;
  constructor(db: Kysely<DB>, cards: CardsService, notifier: Notifier, clock: Clock) {
    this.db = db;
    this.repo = new RoundsRepository(db);
    this.cards = cards;
    this.notifier = notifier;
    this.clock = clock;
  }

  private async visibleRound(user: SessionUser, id: number, db: Db = this.db): Promise<RoundRow> {
    const row = await this.repo.findRound(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  /** The volunteer service's final hours of accounts (VolunteersService.hoursOfUsers, wired in server/services.ts). */
  setVolunteerHoursReader(reader: VolunteerHoursReader) {
    this.volunteerHours = reader;
  }

  /** Per nominated resident, their account's final volunteer hours this year: evidence for the review. */
  private async nomineesHours(noms: NominationListRow[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!this.volunteerHours || noms.length === 0) return out;
    const accounts = await this.repo.accountsOfResidents([...new Set(noms.map((n) => n.resident_id))]);
    if (accounts.length === 0) return out;
    const today = stationDate(this.clock.now());
    const hours = await this.volunteerHours(
      accounts.map((a) => a.id),
      { from: `${today.slice(0, 4)}-01-01`, to: today },
    );
    for (const h of hours) {
      const residentId = accounts.find((a) => a.id === h.userId)?.resident_id;
      if (residentId != null) out.set(residentId, (out.get(residentId) ?? 0) + h.hours);
    }
    return out;
  }

  private async present(rows: RoundRow[], masked: boolean): Promise<Round[]> {
    const noms = await this.repo.nominationsOf(rows.map((r) => r.id));
    const objections = await this.repo.objectionsOf(noms.map((n) => n.id));
    return presentRounds(rows, noms, objections, masked, masked ? new Map() : await this.nomineesHours(noms));
  }

  async list(user: SessionUser, query: z.output<typeof roundListQuery>) {
    const { rows, total, totalCapped } = await this.repo.list({
      stationIds: stationFilter(user, query.stationId),
      category: query.category,
      status: query.status,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(await this.present(rows, !can(user.role, "personal.unmask")), { total, totalCapped }, query);
  }

  /** Rounds a resident, merchant or volunteer can take part in on /m/: open for nominations or in publicity. */
  async open(user: SessionUser): Promise<Round[]> {
    return (await this.present(await this.repo.open(user.stationIds), true)).map(publicRound);
  }

  async get(user: SessionUser, id: number): Promise<Round> {
    const row = await this.visibleRound(user, id);
    const [round] = await this.present([row], !can(user.role, "personal.unmask"));
    return round;
  }

  async create(user: SessionUser, input: z.output<typeof roundCreateSchema>, actor: Actor): Promise<Round> {
    const stationId = targetStation(user, input.stationId);
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const id = await this.repo.insertRound(trx, {
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
        });
        await appendAudit(trx, actor, {
          at,
          action: "round.created",
          objectType: "award_round",
          objectId: id,
          stationId,
          after: { category: input.category, month: input.month },
        });
        return id;
      });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("round.exists", [{ field: "month" }]);
      throw error;
    }
  }

  async act(user: SessionUser, id: number, input: z.output<typeof roundActionSchema>, actor: Actor): Promise<Round> {
    const at = this.clock.now();
    const now = at.toISOString();
    const today = stationDate(at);
    const outbox = this.notifier.outbox();
    await this.db.transaction().execute(async (trx) => {
      const row = await this.visibleRound(user, id, trx);
      const noms = await this.repo.nominationFacts(id, trx);
      const objections = await this.repo.objectionsOf(
        noms.map((n) => n.id),
        trx,
      );
      const step = nextRoundStatus(input.action, {
        status: row.status,
        unreviewed: noms.filter((n) => n.status === "nominated").length,
        openObjections: objections.filter((o) => o.status === "open").length,
        publicityUntil: row.publicity_until,
        today,
      });
      if (!step.ok) throw fail(step.refusal);
      const values: Updateable<AwardRoundTable> = { status: step.status, updated_at: now };
      if (input.action === "publish") {
        values.publicity_from = today;
        values.publicity_until = addDays(today, row.publicity_days - 1);
      }
      if (input.action === "cancel") values.cancel_reason = input.reason;
      if (!(await this.repo.updateRoundVersioned(trx, id, input.version, values))) throw conflict();
      const cards: string[] = [];
      if (input.action === "award") {
        const validTo = addMonthsInclusive(today, row.card_valid_months);
        for (const n of noms) {
          const upheld = objections.filter((o) => o.nomination_id === n.id && o.status === "upheld").length;
          const outcome = awardOutcome(n.status, upheld);
          if (outcome === n.status) continue;
          await this.repo.setNominationStatus(trx, n.id, outcome, now);
          if (outcome !== "winner") continue;
          const card = await this.cards.issueIn(
            trx,
            {
              stationId: row.station_id,
              residentId: n.resident_id,
              roundId: id,
              category: row.category,
              validFrom: today,
              validTo,
              monthlyCapFen: null,
              monthlyCapUses: null,
            },
            actor,
            at,
          );
          cards.push(card.cardNo);
          await this.cards.tellHolder(trx, outbox, n.resident_id, row.station_id, "card.awarded", {
            month: row.month,
            category: { "zh-CN": categoryNames[row.category], en: categoryNamesEn[row.category] },
            cardNo: card.cardNo,
            to: validTo,
          });
        }
      }
      await appendAudit(trx, actor, {
        at,
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
    const resident = await this.repo.resident(input.residentId);
    if (!resident || resident.station_id !== round.station_id) throw invalidField("residentId", "v.invalid_value");
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const id = await this.repo.insertNomination(trx, {
          round_id: roundId,
          resident_id: input.residentId,
          nominated_by_user_id: user.id,
          nominated_by_name: user.displayName,
          reason: input.reason,
          status: "nominated",
          review_note: null,
          created_at: now,
          updated_at: now,
        });
        await appendAudit(trx, actor, {
          at,
          action: "nomination.created",
          objectType: "nomination",
          objectId: id,
          stationId: round.station_id,
          after: { roundId, residentId: input.residentId },
        });
        return id;
      });
      return this.nomination(user, roundId, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("nomination.duplicate", [{ field: "residentId" }]);
      throw error;
    }
  }

  private async nominationWithRound(user: SessionUser, nominationId: number, db: Db = this.db) {
    const n = await this.repo.findNomination(nominationId, db);
    if (!n) throw notFound();
    const round = await this.visibleRound(user, n.round_id, db);
    return { n, round };
  }

  async review(user: SessionUser, nominationId: number, input: z.output<typeof nominationReviewSchema>, actor: Actor) {
    const at = this.clock.now();
    const roundId = await this.db.transaction().execute(async (trx) => {
      const { n, round } = await this.nominationWithRound(user, nominationId, trx);
      if (round.status !== "reviewing") throw fail("nomination.closed");
      const status = input.decision === "accept" ? "accepted" : "rejected";
      const applied = await this.repo.reviewNomination(trx, nominationId, input.version, {
        status,
        review_note: input.note,
        updated_at: at.toISOString(),
      });
      if (!applied) throw conflict();
      await appendAudit(trx, actor, {
        at,
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
    const at = this.clock.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertObjection(trx, {
        nomination_id: nominationId,
        by_user_id: user.id,
        text: input.text,
        status: "open",
        decision_note: null,
        created_at: at.toISOString(),
      });
      await appendAudit(trx, actor, {
        at,
        action: "objection.created",
        objectType: "objection",
        objectId: id,
        stationId: round.station_id,
        after: { nominationId },
      });
      return id;
    });
    return { id, nominationId, status: "open" as const };
  }

  async decide(user: SessionUser, objectionId: number, input: z.output<typeof objectionDecisionSchema>, actor: Actor) {
    const at = this.clock.now();
    const roundId = await this.db.transaction().execute(async (trx) => {
      const o = await this.repo.findObjection(objectionId, trx);
      if (!o) throw notFound();
      const { round } = await this.nominationWithRound(user, o.nomination_id, trx);
      if (round.status !== "publicity") throw fail("nomination.closed");
      const status = input.decision === "uphold" ? "upheld" : "dismissed";
      if (!(await this.repo.decideObjection(trx, objectionId, status, input.note))) throw fail("objection.decided");
      await appendAudit(trx, actor, {
        at,
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
    return presentHonourRoll(await this.repo.winners(stationId));
  }
}
