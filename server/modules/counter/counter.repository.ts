// The counter's tables: service_items, service_requests (with their events and ratings). The roster's shifts are
// joined read-only for a request's times; their places are taken and given back through the duty service.
import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, sql, type Transaction } from "kysely";
import type { RequestChannel, RequestStatus, ServiceAudience, ServiceHandling } from "../../../contracts/counter.ts";
import { type PageWindow, pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, ServiceItemTable, ServiceRatingTable, ServiceRequestEventTable, ServiceRequestTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type ItemValues = Omit<ServiceItemTable, "id" | "version" | "fee_fen" | "active"> & { fee_fen: number; active: number };
export type RequestValues = Omit<ServiceRequestTable, "id" | "version">;

export interface ItemFilter {
  stationIds: number[] | null;
  unitId?: number;
  /** Items offered to this kind of applicant (its own audience or both). */
  audienceFor?: "merchant" | "resident";
  audience?: ServiceAudience;
  handling?: ServiceHandling;
  active?: boolean;
  q?: string;
}

/** Who sees which requests: a station's staff, a department (forwarded to it), an applicant (their own). */
export interface RequestReach {
  stationIds: number[] | null;
  /** Unit accounts: requests forwarded to this unit only. */
  forwardedToUnitId?: number;
  /** Applicants: their own requests only. */
  applicantUserId?: number;
}

export interface RequestFilter extends RequestReach {
  status?: RequestStatus;
  statuses?: RequestStatus[];
  itemId?: number;
  unitId?: number;
  channel?: RequestChannel;
  from?: string;
  to?: string;
  date?: string;
  /** Forwarded ones past their due date on this day. */
  overdueOn?: string;
  q?: string;
}

const itemColumns = [
  "i.id",
  "i.station_id",
  "i.code",
  "i.name",
  "i.unit_id",
  "u.name as unit_name",
  "i.audience",
  "i.materials",
  "i.time_limit_days",
  "i.handling",
  "i.fee_fen",
  "i.description",
  "i.active",
  "i.version",
] as const;

const requestColumns = [
  "r.id",
  "r.station_id",
  "r.item_id",
  "i.code as item_code",
  "i.name as item_name",
  "i.unit_id",
  "u.name as unit_name",
  "i.handling",
  "i.time_limit_days",
  "i.materials",
  "i.fee_fen",
  "r.channel",
  "r.applicant_user_id",
  "r.merchant_id",
  "r.resident_id",
  "r.applicant_name",
  "r.applicant_mobile",
  "r.date",
  "r.shift_id",
  "s.start_time as shift_start",
  "s.end_time as shift_end",
  "r.queue_no",
  "r.status",
  "r.note",
  "h.display_name as handled_by",
  "r.forwarded_at",
  "r.due_date",
  "r.completed_at",
  "r.created_at",
  "r.version",
  "g.easy",
  "g.satisfying",
  "g.warm",
  "g.considerate",
  "g.pleasant",
  "g.comment as rating_comment",
  "g.created_at as rated_at",
] as const;

/** The item filter as one condition on the items table (alias `i`), alone or joined; the unit's name through its id. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the items table alone or joined (alias i)
function itemCondition(eb: ExpressionBuilder<any, any>, f: ItemFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "i.station_id"));
  if (f.unitId !== undefined) all.push(eb("i.unit_id", "=", f.unitId));
  if (f.audienceFor !== undefined) all.push(eb("i.audience", "in", [f.audienceFor, "both"]));
  if (f.audience !== undefined) all.push(eb("i.audience", "=", f.audience));
  if (f.handling !== undefined) all.push(eb("i.handling", "=", f.handling));
  if (f.active !== undefined) all.push(eb("i.active", "=", f.active ? 1 : 0));
  const text = f.q?.trim();
  if (text && withText) all.push(itemText(eb, text));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

const itemTextColumns = ["i.name", "i.code", "i.unit_id", "i.materials"] as const;

// biome-ignore lint/suspicious/noExplicitAny: applies to the items table alone or joined (alias i)
function itemText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([
    containsText(eb, "i.name", text),
    containsText(eb, "i.code", text),
    linkedContainsText(eb, "i.unit_id", "alliance_units", "name", text),
    containsText(eb, "i.materials", text),
  ]);
}

/** The items of a unit, for a request's conditions on the unit (the requests table names the item only). */
// biome-ignore lint/suspicious/noExplicitAny: applies to the requests table alone or joined (alias r)
function itemOfUnit(eb: ExpressionBuilder<any, any>, unitId: number): Expression<SqlBool> {
  return eb("r.item_id", "in", eb.selectFrom("service_items as i2").select("i2.id").where("i2.unit_id", "=", unitId));
}

/** The request filter as one condition on the requests table (alias `r`), alone or joined. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the requests table alone or joined (alias r)
function requestCondition(eb: ExpressionBuilder<any, any>, f: RequestFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "r.station_id"));
  if (f.forwardedToUnitId !== undefined) all.push(itemOfUnit(eb, f.forwardedToUnitId), eb("r.forwarded_at", "is not", null));
  if (f.applicantUserId !== undefined) all.push(eb("r.applicant_user_id", "=", f.applicantUserId));
  if (f.status !== undefined) all.push(eb("r.status", "=", f.status));
  if (f.statuses !== undefined) all.push(eb("r.status", "in", f.statuses));
  if (f.itemId !== undefined) all.push(eb("r.item_id", "=", f.itemId));
  if (f.unitId !== undefined) all.push(itemOfUnit(eb, f.unitId));
  if (f.channel !== undefined) all.push(eb("r.channel", "=", f.channel));
  if (f.from !== undefined) all.push(eb("r.date", ">=", f.from));
  if (f.to !== undefined) all.push(eb("r.date", "<=", f.to));
  if (f.date !== undefined) all.push(eb("r.date", "=", f.date));
  if (f.overdueOn !== undefined) all.push(eb("r.status", "=", "forwarded"), eb("r.due_date", "<", f.overdueOn));
  const text = f.q?.trim();
  if (text && withText) all.push(requestText(eb, text));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

// biome-ignore lint/suspicious/noExplicitAny: applies to the requests table alone or joined (alias r)
function requestText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or([containsText(eb, "r.applicant_name", text), linkedContainsText(eb, "r.item_id", "service_items", "name", text)]);
}

export class CounterRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** A station's name, for what its notices say. */
  async stationName(db: Db, id: number): Promise<string> {
    const row = await db.selectFrom("org_units").select("name").where("id", "=", id).executeTakeFirst();
    return row?.name ?? "";
  }

  private itemsJoined(db: Db) {
    return db.selectFrom("service_items as i").innerJoin("alliance_units as u", "u.id", "i.unit_id");
  }

  private items(db: Db) {
    return this.itemsJoined(db).select(itemColumns);
  }

  /** The page's ids from the items table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listItems(f: ItemFilter, page: PageWindow) {
    const text = f.q?.trim();
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("service_items as i").where((eb) => itemCondition(eb, f, false)),
      text: text ? { columns: itemTextColumns, condition: (eb) => itemText(eb, text) } : undefined,
      id: "i.id",
      order: [
        ["i.active", "desc"],
        ["i.code", "asc"],
        ["i.id", "asc"],
      ],
      rows: (ids) => this.items(this.db).where("i.id", "in", ids).execute(),
      page,
    });
  }

  findItem(id: number, db: Db = this.db) {
    return this.items(db).where("i.id", "=", id).executeTakeFirst();
  }

  async insertItem(db: Db, values: ItemValues): Promise<number> {
    const row = await db.insertInto("service_items").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates when the version still matches; answers whether it did. */
  async updateItem(db: Db, id: number, version: number, values: Partial<ItemValues>): Promise<boolean> {
    const r = await db
      .updateTable("service_items")
      .set({ ...values, version: version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findUnit(id: number, db: Db = this.db) {
    return db.selectFrom("alliance_units").select(["id", "station_id", "name", "status"]).where("id", "=", id).executeTakeFirst();
  }

  private joined(db: Db) {
    return db
      .selectFrom("service_requests as r")
      .innerJoin("service_items as i", "i.id", "r.item_id")
      .innerJoin("alliance_units as u", "u.id", "i.unit_id")
      .leftJoin("duty_shifts as s", "s.id", "r.shift_id")
      .leftJoin("users as h", "h.id", "r.handled_by_user_id")
      .leftJoin("service_ratings as g", "g.request_id", "r.id");
  }

  private requests(db: Db) {
    return this.joined(db).select(requestColumns);
  }

  private filterRequests(q: ReturnType<CounterRepository["joined"]>, f: RequestFilter) {
    return q.where((eb) => requestCondition(eb, f));
  }

  private countRequests(f: RequestFilter) {
    return async () => {
      const row = await this.filterRequests(this.joined(this.db), f)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
  }

  /** How many requests match (the workbench's figures). */
  countOf(f: RequestFilter): Promise<number> {
    return this.countRequests(f)();
  }

  /** The page's ids from the requests table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listRequests(f: RequestFilter, page: PageWindow, sort: "newest" | "queue" = "newest") {
    const text = f.q?.trim();
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("service_requests as r").where((eb) => requestCondition(eb, f, false)),
      text: text ? { columns: ["r.applicant_name", "r.item_id"], condition: (eb) => requestText(eb, text) } : undefined,
      id: "r.id",
      order:
        sort === "queue"
          ? [
              ["r.queue_no", "asc"],
              ["r.id", "asc"],
            ]
          : [
              ["r.date", "desc"],
              ["r.id", "desc"],
            ],
      rows: (ids) => this.requests(this.db).where("r.id", "in", ids).execute(),
      page,
    });
  }

  /** Every request of a filter, in batches (for the export). */
  async *iterateRequests(f: RequestFilter, batch = 1000) {
    let offset = 0;
    for (;;) {
      const rows = await this.filterRequests(this.joined(this.db), f)
        .select(requestColumns)
        .orderBy("r.date", "desc")
        .orderBy("r.id", "desc")
        .limit(batch)
        .offset(offset)
        .execute();
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < batch) return;
      offset += batch;
    }
  }

  listAll(f: RequestFilter, db: Db = this.db) {
    return this.filterRequests(this.joined(db), f).select(requestColumns).orderBy("r.queue_no").orderBy("r.id").execute();
  }

  findRequest(id: number, db: Db = this.db) {
    return this.requests(db).where("r.id", "=", id).executeTakeFirst();
  }

  async insertRequest(db: Db, values: RequestValues): Promise<number> {
    const row = await db.insertInto("service_requests").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  /** Moves a request on when it is still in the state and version read: answers whether it did. */
  async updateRequest(
    db: Db,
    id: number,
    expect: { version: number; status: RequestStatus },
    values: Partial<Omit<RequestValues, "station_id" | "item_id">>,
  ): Promise<boolean> {
    const r = await db
      .updateTable("service_requests")
      .set({ ...values, version: expect.version + 1 })
      .where("id", "=", id)
      .where("version", "=", expect.version)
      .where("status", "=", expect.status)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async maxQueueNo(db: Db, stationId: number, date: string): Promise<number | null> {
    const row = await db
      .selectFrom("service_requests")
      .select((eb) => eb.fn.max("queue_no").as("n"))
      .where("station_id", "=", stationId)
      .where("date", "=", date)
      .executeTakeFirst();
    return row?.n == null ? null : Number(row.n);
  }

  /** The lowest number still waiting in a station's queue today. */
  nextWaiting(db: Db, stationId: number, date: string) {
    return db
      .selectFrom("service_requests")
      .select(["id", "version"])
      .where("station_id", "=", stationId)
      .where("date", "=", date)
      .where("status", "=", "waiting")
      .orderBy("queue_no")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
  }

  /** The applicant's live request for an item on a day (a second booking of the same thing is refused). */
  liveRequestOf(db: Db, applicantUserId: number, itemId: number, date: string) {
    return db
      .selectFrom("service_requests")
      .select("id")
      .where("applicant_user_id", "=", applicantUserId)
      .where("item_id", "=", itemId)
      .where("date", "=", date)
      .where("status", "in", ["booked", "waiting", "handling"])
      .executeTakeFirst();
  }

  /** Bookings whose day is over and that never checked in. */
  staleBookings(before: string, db: Db = this.db) {
    return db
      .selectFrom("service_requests")
      .select(["id", "station_id", "version", "date"])
      .where("status", "=", "booked")
      .where("date", "<", before)
      .orderBy("id")
      .limit(500)
      .execute();
  }

  async insertEvent(db: Db, values: Omit<ServiceRequestEventTable, "id">) {
    await db.insertInto("service_request_events").values(values).execute();
  }

  events(requestId: number, db: Db = this.db) {
    return db.selectFrom("service_request_events").selectAll().where("request_id", "=", requestId).orderBy("at").orderBy("id").execute();
  }

  async insertRating(db: Db, values: ServiceRatingTable) {
    await db.insertInto("service_ratings").values(values).execute();
  }

  findMerchant(id: number, db: Db = this.db) {
    return db
      .selectFrom("merchants")
      .select(["id", "station_id", "name", "operator_name", "mobile_enc"])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  findResident(id: number, db: Db = this.db) {
    return db.selectFrom("residents").select(["id", "station_id", "name", "mobile_enc"]).where("id", "=", id).executeTakeFirst();
  }

  findUserMobile(id: number, db: Db = this.db) {
    return db.selectFrom("users").select(["id", "display_name", "mobile_enc"]).where("id", "=", id).executeTakeFirst();
  }

  /** The accounts of a registered merchant or resident (who hear about their walk-in requests). */
  async accountOf(db: Db, who: { merchantId?: number | null; residentId?: number | null }): Promise<number | null> {
    if (!who.merchantId && !who.residentId) return null;
    let q = db.selectFrom("users").select("id").where("status", "=", "active");
    q = who.merchantId ? q.where("merchant_id", "=", who.merchantId) : q.where("resident_id", "=", who.residentId ?? 0);
    const row = await q.orderBy("id").executeTakeFirst();
    return row?.id ?? null;
  }

  monthly(f: RequestFilter) {
    const month = sql<string>`substr(r.date, 1, 7)`;
    return this.filterRequests(this.joined(this.db), f)
      .select([
        month.as("month"),
        sql<number>`count(*)`.as("requests"),
        sql<number>`sum(case when r.status = 'done' then 1 else 0 end)`.as("done"),
        sql<number>`sum(case when r.channel = 'booking' then 1 else 0 end)`.as("bookings"),
        sql<number>`sum(case when r.channel = 'walk_in' then 1 else 0 end)`.as("walk_ins"),
      ])
      .groupBy(month)
      .orderBy(month)
      .execute();
  }

  forwardedOf(f: RequestFilter) {
    return this.filterRequests(this.joined(this.db), f)
      .select(["r.status", "r.due_date", "r.completed_at"])
      .where("r.forwarded_at", "is not", null)
      .execute();
  }

  heartsByUnit(f: RequestFilter) {
    return this.filterRequests(this.joined(this.db), f)
      .where("g.request_id", "is not", null)
      .select([
        "i.unit_id",
        "u.name as unit_name",
        sql<number>`count(*)`.as("ratings"),
        sql<number>`sum(g.easy)`.as("easy"),
        sql<number>`sum(g.satisfying)`.as("satisfying"),
        sql<number>`sum(g.warm)`.as("warm"),
        sql<number>`sum(g.considerate)`.as("considerate"),
        sql<number>`sum(g.pleasant)`.as("pleasant"),
      ])
      .groupBy(["i.unit_id", "u.name"])
      .orderBy("i.unit_id")
      .execute();
  }
}

export type ItemRow = NonNullable<Awaited<ReturnType<CounterRepository["findItem"]>>>;
export type RequestRow = NonNullable<Awaited<ReturnType<CounterRepository["findRequest"]>>>;
export type EventRow = Selectable<ServiceRequestEventTable>;
export type MonthRow = Awaited<ReturnType<CounterRepository["monthly"]>>[number];
export type ForwardedRow = Awaited<ReturnType<CounterRepository["forwardedOf"]>>[number];
export type HeartsRow = Awaited<ReturnType<CounterRepository["heartsByUnit"]>>[number];
