// The stall plan of a station: stalls with their place on the map, let to (at most) one merchant of the
// same station. Codes are unique per station.
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { Stall, stallCreateSchema, stallListQuery, stallUpdateSchema } from "../../../contracts/stalls.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, invalidField, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { assertStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import { auditView, presentStall } from "./stalls.presenter.ts";
import { type StallFilter, type StallRow, StallsRepository, type StallValues } from "./stalls.repository.ts";

type CreateInput = z.output<typeof stallCreateSchema>;
type StallUpdateInput = z.output<typeof stallUpdateSchema>;
type ListQuery = z.output<typeof stallListQuery>;

const codeTaken = () => fail("stall.code_taken", [{ field: "code" }]);

export class StallsService {
  readonly repo: StallsRepository;
  private readonly db: Kysely<DB>;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, clock: Clock) {
    this.db = db;
    this.repo = new StallsRepository(db);
    this.clock = clock;
  }

  private filterOf(user: SessionUser, query: Partial<ListQuery>): StallFilter {
    return {
      stationIds: stationFilter(user, query.stationId),
      q: query.q || undefined,
      occupied: query.occupied === undefined ? undefined : query.occupied === "true",
    };
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      sort: query.sort,
      order: query.order,
    });
    return pageAnswer(rows.map(presentStall), { total, totalCapped }, query);
  }

  private async visibleRow(user: SessionUser, id: number, db: Kysely<DB> = this.db): Promise<StallRow> {
    const row = await this.repo.findById(id, db);
    if (!row) throw notFound();
    assertStation(user, row.station_id);
    return row;
  }

  async get(user: SessionUser, id: number): Promise<Stall> {
    return presentStall(await this.visibleRow(user, id));
  }

  private async presentIn(trx: Transaction<DB> | Kysely<DB>, id: number): Promise<Stall> {
    const row = await this.repo.findById(id, trx);
    if (!row) throw notFound();
    return presentStall(row);
  }

  /** A stall is let only to a merchant of its own station; anything else reads as an unknown merchant. */
  private async checkMerchant(trx: Transaction<DB>, stationId: number, merchantId: number | null) {
    if (merchantId === null) return;
    const merchant = await this.repo.merchantStation(trx, merchantId);
    if (!merchant || merchant.station_id !== stationId) throw invalidField("merchantId", "v.invalid_value");
  }

  async create(user: SessionUser, input: CreateInput, actor: Actor): Promise<Stall> {
    const stationId = targetStation(user, input.stationId);
    const at = this.clock.now();
    const now = at.toISOString();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        if (await this.repo.codeOwner(trx, stationId, input.code)) throw codeTaken();
        await this.checkMerchant(trx, stationId, input.merchantId);
        const values: StallValues = {
          station_id: stationId,
          code: input.code,
          area: input.area,
          x: input.x,
          y: input.y,
          w: input.w,
          h: input.h,
          merchant_id: input.merchantId,
          created_at: now,
          updated_at: now,
        };
        const newId = await this.repo.insert(trx, values);
        await appendAudit(trx, actor, {
          at,
          action: "stall.created",
          objectType: "stall",
          objectId: newId,
          stationId,
          after: auditView(await this.presentIn(trx, newId)),
        });
        return newId;
      });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
  }

  async update(user: SessionUser, id: number, input: StallUpdateInput, actor: Actor): Promise<Stall> {
    const at = this.clock.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await this.visibleRow(user, id, trx);
        const before = presentStall(row);
        const values: Partial<StallValues> = { updated_at: at.toISOString() };
        if (input.code !== undefined && input.code !== row.code) {
          const owner = await this.repo.codeOwner(trx, row.station_id, input.code);
          if (owner && owner.id !== id) throw codeTaken();
          values.code = input.code;
        }
        if (input.merchantId !== undefined) {
          if (input.merchantId !== row.merchant_id) await this.checkMerchant(trx, row.station_id, input.merchantId);
          values.merchant_id = input.merchantId;
        }
        if (input.area !== undefined) values.area = input.area;
        if (input.x !== undefined) values.x = input.x;
        if (input.y !== undefined) values.y = input.y;
        if (input.w !== undefined) values.w = input.w;
        if (input.h !== undefined) values.h = input.h;
        if (!(await this.repo.update(trx, id, input.version, values))) throw conflict();
        await appendAudit(trx, actor, {
          at,
          action: "stall.updated",
          objectType: "stall",
          objectId: id,
          stationId: row.station_id,
          before: auditView(before),
          after: auditView(await this.presentIn(trx, id)),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
    return this.get(user, id);
  }

  async remove(user: SessionUser, id: number, version: number, actor: Actor) {
    const at = this.clock.now();
    try {
      await this.db.transaction().execute(async (trx) => {
        const row = await this.visibleRow(user, id, trx);
        const holder = await this.repo.holder(id, trx);
        if (holder) throw fail(holder === "problems" ? "stall.in_use_problems" : "stall.in_use_reweighs");
        if (!(await this.repo.remove(trx, id, version))) throw conflict();
        await appendAudit(trx, actor, {
          at,
          action: "stall.deleted",
          objectType: "stall",
          objectId: id,
          stationId: row.station_id,
          before: auditView(presentStall(row)),
        });
      });
    } catch (error) {
      // A reference written between the check and the delete: the database refuses it, and so do we.
      if (isForeignKeyViolation(error)) throw fail("record.in_use");
      throw error;
    }
    return { ok: true as const };
  }

  /** Stalls and let stalls over the given stations; null means all. */
  async countsFor(stationIds: number[] | null) {
    return this.repo.countsFor(stationIds);
  }
}
