// The counter's catalogue: the items the departments handle at the station (what to bring, the legal time limit,
// on the spot or forwarded), and the days an item can be booked (its department's shifts with places left).
import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import type { BookableDay, serviceItemCreateSchema, serviceItemListQuery, serviceItemUpdateSchema } from "../../../contracts/counter.ts";
import { isUniqueViolation } from "../../db/database.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { conflict, fail, notFound } from "../../platform/errors.ts";
import { pageAnswer } from "../../platform/page.ts";
import { reachesStation, type SessionUser, scopeKind, stationFilter } from "../../platform/scope.ts";
import type { ShiftPlaces } from "../duty/shift-places.service.ts";
import { applicantKind, stationFor } from "./counter.access.ts";
import { presentBookableDay, presentItem } from "./counter.presenter.ts";
import type { CounterRepository, ItemRow } from "./counter.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;
type ItemCreate = z.output<typeof serviceItemCreateSchema>;
type ItemUpdate = z.output<typeof serviceItemUpdateSchema>;
type ItemQuery = z.output<typeof serviceItemListQuery>;

/** How many days the phone offers to book (the rule itself allows MAX_DAYS_AHEAD). */
export const BOOKING_WINDOW_DAYS = 30;

export class CatalogueService {
  private readonly db: Kysely<DB>;
  private readonly repo: CounterRepository;
  private readonly places: ShiftPlaces;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: CounterRepository, places: ShiftPlaces, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.places = places;
    this.clock = clock;
  }

  async listItems(user: SessionUser, query: ItemQuery) {
    const self = scopeKind(user) === "self";
    const filter = {
      stationIds: self ? user.stationIds : stationFilter(user, query.stationId),
      unitId: query.unitId,
      audience: query.audience,
      handling: query.handling,
      q: query.q,
      // Applicants see what they may apply for, and only what is still offered.
      audienceFor: self ? applicantKind(user) : undefined,
      active: self ? true : query.active === undefined ? undefined : query.active === "true",
    };
    const { rows, total, totalCapped } = await this.repo.listItems(filter, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(rows.map(presentItem), { total, totalCapped }, query);
  }

  private async visibleItem(user: SessionUser, id: number, db: Db = this.db): Promise<ItemRow> {
    const row = await this.repo.findItem(id, db);
    if (!row || !reachesStation(user, row.station_id)) throw notFound();
    if (scopeKind(user) === "self" && row.active !== 1) throw notFound();
    return row;
  }

  async getItem(user: SessionUser, id: number) {
    return presentItem(await this.visibleItem(user, id));
  }

  private async assertUnit(db: Db, unitId: number, stationId: number) {
    const unit = await this.repo.findUnit(unitId, db);
    if (!unit || unit.station_id !== stationId || unit.status !== "active") throw fail("service.unit_invalid", [{ field: "unitId" }]);
  }

  async createItem(user: SessionUser, input: ItemCreate, actor: Actor) {
    const now = this.clock.now();
    const stationId = stationFor(user, input.stationId);
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.assertUnit(trx, input.unitId, stationId);
        const at = now.toISOString();
        const id = await this.repo.insertItem(trx, {
          station_id: stationId,
          code: input.code.toUpperCase(),
          name: input.name,
          unit_id: input.unitId,
          audience: input.audience,
          materials: JSON.stringify(input.materials),
          time_limit_days: input.timeLimitDays,
          handling: input.handling,
          fee_fen: input.feeFen,
          description: input.description,
          active: 1,
          created_at: at,
          updated_at: at,
        });
        const row = await this.repo.findItem(id, trx);
        if (!row) throw notFound();
        const after = presentItem(row);
        await appendAudit(trx, actor, {
          at: now,
          action: "service_item.created",
          objectType: "service_item",
          objectId: id,
          stationId,
          after: { code: after.code, name: after.name, unitId: after.unitId, audience: after.audience, handling: after.handling },
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw fail("service.code_taken", [{ field: "code" }]);
      throw error;
    }
  }

  async updateItem(user: SessionUser, id: number, input: ItemUpdate, actor: Actor) {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await this.repo.findItem(id, trx);
      if (!before || !reachesStation(user, before.station_id)) throw notFound();
      if (before.version !== input.version) throw conflict();
      const values: Parameters<CounterRepository["updateItem"]>[3] = { updated_at: now.toISOString() };
      if (input.name !== undefined) values.name = input.name;
      if (input.unitId !== undefined && input.unitId !== before.unit_id) {
        await this.assertUnit(trx, input.unitId, before.station_id);
        values.unit_id = input.unitId;
      }
      if (input.audience !== undefined) values.audience = input.audience;
      if (input.materials !== undefined) values.materials = JSON.stringify(input.materials);
      if (input.timeLimitDays !== undefined) values.time_limit_days = input.timeLimitDays;
      if (input.handling !== undefined) values.handling = input.handling;
      if (input.feeFen !== undefined) values.fee_fen = input.feeFen;
      if (input.description !== undefined) values.description = input.description;
      if (input.active !== undefined) values.active = input.active ? 1 : 0;
      if (!(await this.repo.updateItem(trx, id, input.version, values))) throw conflict();
      const after = await this.repo.findItem(id, trx);
      if (!after) throw notFound();
      const view = (r: ItemRow) => {
        const { version: _v, ...rest } = presentItem(r);
        return rest;
      };
      await appendAudit(trx, actor, {
        at: now,
        action: input.active === false && before.active === 1 ? "service_item.deactivated" : "service_item.updated",
        objectType: "service_item",
        objectId: id,
        stationId: before.station_id,
        before: view(before),
        after: view(after),
      });
      return presentItem(after);
    });
  }

  /** The days an item can be booked: its department's shifts in the next 30 days that still have places. */
  async bookableDays(user: SessionUser, itemId: number): Promise<BookableDay[]> {
    const today = stationDate(this.clock.now());
    const item = await this.visibleItem(user, itemId);
    if (item.active !== 1) return [];
    const shifts = await this.places.between(item.station_id, item.unit_id, today, addDays(today, BOOKING_WINDOW_DAYS));
    return shifts.filter((s) => s.booked < s.capacity).map(presentBookableDay);
  }
}
