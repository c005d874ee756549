// The duty roster's tables: the station's desks, the repeat rules and the shifts. A shift's `booked` moves only
// through takePlace/releasePlace, the conditional updates the counter calls (through the duty service) inside
// its booking transaction; the roster's own edits never write it.
import { type Kysely, sql, type Transaction } from "kysely";
import { dialectOf } from "../../db/database.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, DutyRuleTable, DutyShiftTable } from "../../db/tables.ts";

export type Db = Kysely<DB> | Transaction<DB>;

export interface ShiftFilter {
  stationIds: number[] | null;
  from?: string;
  to?: string;
  unitId?: number;
  /** Shifts of this unit or with this officer on duty. */
  mineOf?: { unitId: number | null; userId: number };
}

export type ShiftValues = Omit<DutyShiftTable, "id" | "booked" | "version">;
export type RuleValues = Omit<DutyRuleTable, "id">;

const shiftColumns = [
  "s.id",
  "s.station_id",
  "s.unit_id",
  "s.date",
  "s.start_time",
  "s.end_time",
  "s.capacity",
  "s.booked",
  "s.officer_user_id",
  "s.rule_id",
  "s.note",
  "s.version",
  "u.name as unit_name",
  "o.display_name as officer_name",
] as const;

export class DutyRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  station(id: number, db: Db = this.db) {
    return db.selectFrom("org_units").select(["id", "name"]).where("id", "=", id).where("kind", "=", "station").executeTakeFirst();
  }

  async firstStation(stationIds: number[] | null, db: Db = this.db): Promise<number | null> {
    let q = db.selectFrom("org_units").select("id").where("kind", "=", "station");
    if (stationIds !== null) {
      if (stationIds.length === 0) return null;
      q = q.where("id", "in", stationIds);
    }
    return (await q.orderBy("id").executeTakeFirst())?.id ?? null;
  }

  units(stationId: number, db: Db = this.db) {
    return db
      .selectFrom("alliance_units")
      .select(["id", "name", "kind"])
      .where("station_id", "=", stationId)
      .where("status", "=", "active")
      .orderBy("id")
      .execute();
  }

  unit(id: number, db: Db = this.db) {
    return db.selectFrom("alliance_units").select(["id", "name", "kind", "station_id", "status"]).where("id", "=", id).executeTakeFirst();
  }

  /** Active accounts of the units (their officers and contacts), for the officer on duty. */
  officersOf(unitIds: number[], db: Db = this.db) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("users")
      .select(["id", "display_name", "alliance_unit_id"])
      .where("alliance_unit_id", "in", unitIds)
      .where("status", "=", "active")
      .orderBy("id")
      .execute();
  }

  user(id: number, db: Db = this.db) {
    return db.selectFrom("users").select(["id", "display_name", "alliance_unit_id", "status"]).where("id", "=", id).executeTakeFirst();
  }

  async desks(stationId: number, db: Db = this.db): Promise<number | null> {
    const row = await db.selectFrom("duty_settings").select("desks").where("station_id", "=", stationId).executeTakeFirst();
    return row?.desks ?? null;
  }

  /**
   * The station's settings row, made on demand and locked for the rest of the transaction (PostgreSQL): every
   * roster write of a station passes here first, so the desks check and the insert it guards run one at a time.
   */
  async lockSettings(trx: Transaction<DB>, stationId: number, defaultDesks: number, now: string): Promise<number> {
    await trx
      .insertInto("duty_settings")
      .values({ station_id: stationId, desks: defaultDesks, updated_at: now })
      .onConflict((oc) => oc.column("station_id").doNothing())
      .execute();
    let q = trx.selectFrom("duty_settings").select("desks").where("station_id", "=", stationId);
    if (dialectOf(trx) === "postgres") q = q.forUpdate();
    return (await q.executeTakeFirstOrThrow()).desks;
  }

  async setDesks(trx: Transaction<DB>, stationId: number, desks: number, now: string) {
    await trx.updateTable("duty_settings").set({ desks, updated_at: now }).where("station_id", "=", stationId).execute();
  }

  private shifts(db: Db) {
    return db
      .selectFrom("duty_shifts as s")
      .innerJoin("alliance_units as u", "u.id", "s.unit_id")
      .leftJoin("users as o", "o.id", "s.officer_user_id")
      .select(shiftColumns);
  }

  listShifts(f: ShiftFilter, db: Db = this.db) {
    let q = this.shifts(db);
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "s.station_id"));
    if (f.from) q = q.where("s.date", ">=", f.from);
    if (f.to) q = q.where("s.date", "<=", f.to);
    if (f.unitId !== undefined) q = q.where("s.unit_id", "=", f.unitId);
    const mine = f.mineOf;
    if (mine) {
      q = q.where((eb) =>
        mine.unitId === null
          ? eb("s.officer_user_id", "=", mine.userId)
          : eb.or([eb("s.unit_id", "=", mine.unitId), eb("s.officer_user_id", "=", mine.userId)]),
      );
    }
    return q.orderBy("s.date").orderBy("s.unit_id").execute();
  }

  findShift(id: number, db: Db = this.db) {
    return this.shifts(db).where("s.id", "=", id).executeTakeFirst();
  }

  /** Who sits on a day (for the conflict and desks checks). */
  shiftsOn(stationId: number, date: string, db: Db = this.db) {
    return db
      .selectFrom("duty_shifts")
      .select(["id", "unit_id as unitId"])
      .where("station_id", "=", stationId)
      .where("date", "=", date)
      .execute();
  }

  /** Units sitting per date over a period. */
  async unitsByDate(stationId: number, from: string, to: string, db: Db = this.db): Promise<Map<string, number[]>> {
    const rows = await db
      .selectFrom("duty_shifts")
      .select(["date", "unit_id"])
      .where("station_id", "=", stationId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .execute();
    const out = new Map<string, number[]>();
    for (const r of rows) out.set(r.date, [...(out.get(r.date) ?? []), r.unit_id]);
    return out;
  }

  /** The busiest day from `from` on: the most departments planned on one day. */
  async busiestFrom(stationId: number, from: string, db: Db = this.db): Promise<{ date: string; count: number } | null> {
    const row = await db
      .selectFrom("duty_shifts")
      .select(["date", sql<number>`count(*)`.as("count")])
      .where("station_id", "=", stationId)
      .where("date", ">=", from)
      .groupBy("date")
      .orderBy(sql`count(*)`, "desc")
      .orderBy("date")
      .limit(1)
      .executeTakeFirst();
    return row ? { date: row.date, count: Number(row.count) } : null;
  }

  async insertShift(trx: Db, values: ShiftValues): Promise<number> {
    const row = await trx.insertInto("duty_shifts").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async insertShifts(trx: Db, values: ShiftValues[]): Promise<number> {
    for (let i = 0; i < values.length; i += 200) {
      await trx
        .insertInto("duty_shifts")
        .values(values.slice(i, i + 200))
        .execute();
    }
    return values.length;
  }

  /**
   * Applies an edit at the version it was based on. A move keeps `booked = 0` in the condition and a capacity
   * change `booked <= capacity`, so a booking taken meanwhile by the counter makes the update miss (0 rows).
   */
  async updateShift(
    trx: Db,
    id: number,
    version: number,
    values: Partial<Pick<DutyShiftTable, "date" | "start_time" | "end_time" | "capacity" | "officer_user_id" | "note" | "rule_id">> & {
      updated_at: string;
    },
    guard: { moving: boolean },
  ): Promise<boolean> {
    let q = trx
      .updateTable("duty_shifts")
      .set({ ...values, version: sql<number>`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version);
    if (guard.moving) q = q.where("booked", "=", 0);
    if (values.capacity !== undefined) q = q.where("booked", "<=", values.capacity);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteShift(trx: Db, id: number, version: number): Promise<boolean> {
    const result = await trx
      .deleteFrom("duty_shifts")
      .where("id", "=", id)
      .where("version", "=", version)
      .where("booked", "=", 0)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Whether any service request refers to the shift (its history keeps it). */
  async referenced(id: number, db: Db = this.db): Promise<boolean> {
    const row = await db.selectFrom("service_requests").select("id").where("shift_id", "=", id).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * A unit's shift on a day, for the counter. `lock` holds it for the booking transaction on PostgreSQL: bookings
   * onto one shift run in turn, so the applicant's "already booked" check sees a booking made a moment before.
   */
  unitShift(stationId: number, unitId: number, date: string, db: Db = this.db, lock = false) {
    let q = db
      .selectFrom("duty_shifts")
      .select(["id", "date", "start_time", "end_time", "capacity", "booked"])
      .where("station_id", "=", stationId)
      .where("unit_id", "=", unitId)
      .where("date", "=", date);
    if (lock && dialectOf(db) === "postgres") q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** A unit's shifts between two dates (the days its items can be booked). */
  unitShifts(stationId: number, unitId: number, from: string, to: string, db: Db = this.db) {
    return db
      .selectFrom("duty_shifts")
      .select(["id", "date", "start_time", "end_time", "capacity", "booked"])
      .where("station_id", "=", stationId)
      .where("unit_id", "=", unitId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .execute();
  }

  /** The departments sitting at a station on a day, in the order they start. */
  onDuty(stationId: number, date: string, db: Db = this.db) {
    return db
      .selectFrom("duty_shifts as s")
      .innerJoin("alliance_units as u", "u.id", "s.unit_id")
      .select(["s.unit_id", "u.name as unit_name", "s.start_time", "s.end_time"])
      .where("s.station_id", "=", stationId)
      .where("s.date", "=", date)
      .orderBy("s.start_time")
      .execute();
  }

  /** Takes one place on a shift unless it is full: answers whether it did. */
  async takePlace(db: Db, shiftId: number): Promise<boolean> {
    const r = await db
      .updateTable("duty_shifts")
      .set({ booked: sql`booked + 1` })
      .where("id", "=", shiftId)
      .where(sql<boolean>`booked < capacity`)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releasePlace(db: Db, shiftId: number): Promise<void> {
    await db.updateTable("duty_shifts").set({ booked: sql`booked - 1` }).where("id", "=", shiftId).where("booked", ">", 0).execute();
  }

  async insertRule(trx: Db, values: RuleValues): Promise<number> {
    const row = await trx.insertInto("duty_rules").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  private rules(db: Db) {
    return db
      .selectFrom("duty_rules as r")
      .innerJoin("alliance_units as u", "u.id", "r.unit_id")
      .leftJoin("users as c", "c.id", "r.created_by_user_id")
      .select([
        "r.id",
        "r.station_id",
        "r.unit_id",
        "r.rule",
        "r.valid_from",
        "r.valid_to",
        "r.start_time",
        "r.end_time",
        "r.capacity",
        "r.created_at",
        "u.name as unit_name",
        "c.display_name as created_by",
        (eb) => eb.selectFrom("duty_shifts as s").select(sql<number>`count(*)`.as("n")).whereRef("s.rule_id", "=", "r.id").as("shifts"),
      ]);
  }

  listRules(stationId: number, unitId: number | undefined, db: Db = this.db) {
    let q = this.rules(db).where("r.station_id", "=", stationId);
    if (unitId !== undefined) q = q.where("r.unit_id", "=", unitId);
    return q.orderBy("r.valid_to", "desc").orderBy("r.id", "desc").execute();
  }

  findRule(id: number, db: Db = this.db) {
    return this.rules(db).where("r.id", "=", id).executeTakeFirst();
  }
}

export type ShiftRow = NonNullable<Awaited<ReturnType<DutyRepository["findShift"]>>>;
export type RuleRow = NonNullable<Awaited<ReturnType<DutyRepository["findRule"]>>>;
