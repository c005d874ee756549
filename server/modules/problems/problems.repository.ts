import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { ProblemSource, ProblemStatus } from "../../../contracts/problems.ts";
import { type Dialect, dialectOf } from "../../db/database.ts";
import { idList, inIdList } from "../../db/id-list.ts";
import { pagedList } from "../../db/paging.ts";
import { prepared } from "../../db/prepared.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, ProblemEventTable, ProblemTable } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ProblemFilter {
  stationIds: number[] | null;
  /** Unit-scoped callers: only problems assigned to this unit (null: none). */
  unitScope?: number | null;
  /** Self-scoped callers (and `mine`): only problems this user reported. */
  reporterUserId?: number;
  q?: string;
  status?: ProblemStatus;
  /** Any of these statuses (the "waiting for me" view). */
  statusIn?: readonly ProblemStatus[];
  categoryCode?: string;
  source?: ProblemSource;
  unitId?: number;
  overdueAt?: string;
  from?: string;
  to?: string;
}

const sortColumns = { createdAt: "p.created_at", dueAt: "p.due_at", updatedAt: "p.updated_at" } as const;

export const runningStatuses = ["assigned", "in_progress", "reopened"] as const;

const columns = [
  "p.id",
  "p.code",
  "p.station_id",
  "o.name as station_name",
  "p.title",
  "p.description",
  "p.category_code",
  "c.name as category_name",
  "c.name_en as category_name_en",
  "p.source",
  "p.place",
  "p.stall_id",
  "s.code as stall_code",
  "p.reporter_user_id",
  "p.reporter_name",
  "p.reporter_phone_enc",
  "p.status",
  "p.unit_id",
  "u.name as unit_name",
  "p.due_at",
  "p.escalated_meeting_id",
  "p.rating",
  "p.rating_comment",
  "p.resolution",
  "p.resolved_at",
  "p.created_at",
  "p.updated_at",
  "p.version",
] as const;

/** A realistic default set of categories with their time limits (days). */
export const defaultCategories = [
  { code: "facility", name: "设施维修", name_en: "Facility repair", time_limit_days: 7 },
  { code: "sanitation", name: "环境卫生", name_en: "Sanitation", time_limit_days: 3 },
  { code: "market_order", name: "市场秩序", name_en: "Market order", time_limit_days: 5 },
  { code: "dispute", name: "矛盾纠纷", name_en: "Disputes", time_limit_days: 7 },
  { code: "policy", name: "政策咨询", name_en: "Policy questions", time_limit_days: 5 },
  { code: "safety", name: "安全隐患", name_en: "Safety hazards", time_limit_days: 2 },
  { code: "property", name: "物业管理", name_en: "Property management", time_limit_days: 7 },
  { code: "traffic", name: "交通出行", name_en: "Traffic and transport", time_limit_days: 10 },
  { code: "other", name: "其他", name_en: "Other", time_limit_days: 7 },
] as const;

/** Inserts the default categories when the table is empty (safe to call on every start and from several nodes). */
export async function ensureDefaultCategories(db: Kysely<DB>, now: Date): Promise<void> {
  const any = await db.selectFrom("problem_categories").select("id").limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto("problem_categories")
    .values(defaultCategories.map((c) => ({ ...c, active: 1, created_at: now.toISOString() })))
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

export type ProblemValues = Omit<ProblemTable, "id" | "version">;
export type EventValues = Omit<ProblemEventTable, "id">;

const problemsWithNames = (db: Db) =>
  db
    .selectFrom("problems as p")
    .innerJoin("org_units as o", "o.id", "p.station_id")
    .leftJoin("problem_categories as c", "c.code", "p.category_code")
    .leftJoin("stalls as s", "s.id", "p.stall_id")
    .leftJoin("alliance_units as u", "u.id", "p.unit_id");

// The statements of a submission and of every step, compiled once (server/db/prepared.ts).
const problemById = prepared((db, v: { id: number }) => problemsWithNames(db).select(columns).where("p.id", "=", v.id));
/** A problem's own photos (not its events') as "file,file" in file order, read in the list's statement. */
const photoListOf = (dialect: Dialect) =>
  sql<
    string | null
  >`(select ${sql.raw(dialect === "postgres" ? "string_agg" : "group_concat")}(f.file_id, ',' order by f.file_id) from problem_files f where f.problem_id = p.id and f.event_id is null)`.as(
    "photo_list",
  );

/** A list page's rows, their photos listed: the joins and wide columns for the page's ids (server/db/id-list.ts). */
const problemsByIds = prepared((db, v: { ids: string }, dialect) =>
  problemsWithNames(db)
    .select(columns)
    .select(photoListOf(dialect))
    .where(inIdList(dialect, "p.id", v.ids)),
);
/**
 * What a submission reads before it writes, in one statement: the category, the station's name and the stall's code
 * when the stall is the station's (null otherwise, or without a stall). No row: no such category.
 */
const submissionContext = prepared((db, v: { code: string; stationId: number; stallId: number | null }) =>
  db
    .selectFrom("problem_categories as c")
    .select(["c.code", "c.name", "c.name_en", "c.active"])
    .select((eb) => [
      eb.selectFrom("org_units as o").select("o.name").where("o.id", "=", v.stationId).as("station_name"),
      eb.selectFrom("stalls as s").select("s.code").where("s.id", "=", v.stallId).where("s.station_id", "=", v.stationId).as("stall_code"),
    ])
    .where("c.code", "=", v.code),
);
const categoryByCode = prepared((db, v: { code: string }) => db.selectFrom("problem_categories").selectAll().where("code", "=", v.code));
/** The id the next problem takes (its code is made from it, so the row is written once, with its code). */
const nextProblemId = prepared((db, _none: object, dialect) =>
  dialect === "postgres"
    ? db.selectNoFrom(sql<number>`nextval(pg_get_serial_sequence('problems', 'id'))::integer`.as("id"))
    : db.selectNoFrom(sql<number>`coalesce((select seq from sqlite_sequence where name = 'problems'), 0) + 1`.as("id")),
);
const insertProblem = prepared((db, v: ProblemValues & { id: number; code: string }) => db.insertInto("problems").values(v));
const insertEvent = prepared((db, v: EventValues) => db.insertInto("problem_events").values(v).returning("id"));
/**
 * PostgreSQL: the id from the sequence, the row with its code made from that id, and its first event, in one
 * statement (three round trips were one each). The code pads the id to five digits and never cuts a longer one,
 * as `problemCode` does.
 */
const insertProblemWithEventPg = prepared(
  (
    db,
    v: Omit<ProblemValues, "code"> & {
      code_prefix: string;
      event_action: string;
      event_to_status: ProblemStatus;
      event_note: string | null;
      event_actor_user_id: number | null;
      event_actor_name: string | null;
      event_unit_id: number | null;
      event_at: string;
    },
  ) => {
    const {
      code_prefix,
      event_action,
      event_to_status,
      event_note,
      event_actor_user_id,
      event_actor_name,
      event_unit_id,
      event_at,
      ...problem
    } = v;
    return db
      .with("n", (qb) => qb.selectNoFrom(sql<number>`nextval(pg_get_serial_sequence('problems', 'id'))::integer`.as("id")))
      .with("p", (qb) =>
        qb
          .insertInto("problems")
          .values({
            ...problem,
            id: sql<number>`(select id from n)`,
            code: sql<string>`${code_prefix} || lpad((select id from n)::text, greatest(5, length((select id from n)::text)), '0')`,
          })
          .returning(["id", "code"]),
      )
      .insertInto("problem_events")
      .values({
        problem_id: sql<number>`(select id from p)`,
        action: event_action,
        from_status: null,
        to_status: event_to_status,
        note: event_note,
        actor_user_id: event_actor_user_id,
        actor_name: event_actor_name,
        unit_id: event_unit_id,
        at: event_at,
      })
      .returning(["id as event_id", sql<number>`(select id from p)`.as("id"), sql<string>`(select code from p)`.as("code")]);
  },
);

/** The filter as one condition on the problems table (alias `p`): the narrow id scan and the joined query share it. */
// biome-ignore lint/suspicious/noExplicitAny: applies to the problems table alone or joined (alias p)
function problemCondition(eb: ExpressionBuilder<any, any>, f: ProblemFilter, withText = true): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (f.stationIds !== null) all.push(inStations(f.stationIds, "p.station_id"));
  if (f.unitScope !== undefined) all.push(f.unitScope === null ? sql<boolean>`1 = 0` : eb("p.unit_id", "=", f.unitScope));
  if (f.reporterUserId !== undefined) all.push(eb("p.reporter_user_id", "=", f.reporterUserId));
  if (f.status) all.push(eb("p.status", "=", f.status));
  if (f.statusIn) all.push(eb("p.status", "in", f.statusIn));
  if (f.categoryCode) all.push(eb("p.category_code", "=", f.categoryCode));
  if (f.source) all.push(eb("p.source", "=", f.source));
  if (f.unitId) all.push(eb("p.unit_id", "=", f.unitId));
  if (f.overdueAt) all.push(eb("p.status", "in", runningStatuses), eb("p.due_at", "<", f.overdueAt));
  if (f.from) all.push(eb("p.created_at", ">=", f.from));
  if (f.to) all.push(eb("p.created_at", "<", f.to));
  if (f.q && withText) all.push(textCondition(eb, f.q));
  return all.length ? eb.and(all) : sql<boolean>`1 = 1`;
}

// biome-ignore lint/suspicious/noExplicitAny: applies to the problems table alone or joined (alias p)
function textCondition(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or(textColumns(text).map((column) => containsText(eb, column, text)));
}

/** Codes are ASCII (P20261127-00042): only such a query can match one, so others skip the column. */
const textColumns = (text: string) => ["p.title", "p.description", ...(/^[A-Za-z0-9-]+$/.test(text) ? ["p.code"] : [])];

export class ProblemsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private base(db: Db) {
    return problemsWithNames(db);
  }

  /**
   * One page, the joins and wide columns read for its ids only, and the total from a count that stops at the cap
   * (server/db/paging.ts): the page costs the same whether 200 or 700,000 problems match.
   */
  async list(f: ProblemFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const sortColumn: string | undefined = sortColumns[page.sort as keyof typeof sortColumns];
    return pagedList({
      db: this.db,
      filtered: this.db.selectFrom("problems as p").where((eb) => problemCondition(eb, f, false)),
      text: f.q ? { columns: textColumns(f.q), condition: (eb) => textCondition(eb, f.q as string) } : undefined,
      id: "p.id",
      order: sortColumn
        ? [
            [sortColumn, page.order],
            ["p.id", page.order],
          ]
        : [["p.id", page.order]],
      rows: async (ids) => (await problemsByIds(this.db, { ids: idList(dialectOf(this.db), ids) })).rows,
      page,
    });
  }

  async count(f: ProblemFilter): Promise<number> {
    const r = await this.db
      .selectFrom("problems as p")
      .where((eb) => problemCondition(eb, f))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async findById(id: number, db: Db = this.db) {
    return (await problemById(db, { id })).rows[0];
  }

  listCategories(db: Db = this.db) {
    return db.selectFrom("problem_categories").selectAll().orderBy("id").execute();
  }

  async submissionContext(db: Db, code: string, stationId: number, stallId: number | null) {
    return (await submissionContext(db, { code, stationId, stallId })).rows[0];
  }

  async findCategory(db: Db, code: string) {
    return (await categoryByCode(db, { code })).rows[0];
  }

  findCategoryById(db: Db, id: number) {
    return db.selectFrom("problem_categories").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async updateCategory(db: Db, id: number, values: { name?: string; name_en?: string; time_limit_days?: number; active?: number }) {
    if (Object.keys(values).length === 0) return;
    await db.updateTable("problem_categories").set(values).where("id", "=", id).execute();
  }

  activeUnitOfStation(db: Db, unitId: number, stationId: number) {
    return db
      .selectFrom("alliance_units")
      .select(["id", "name"])
      .where("id", "=", unitId)
      .where("station_id", "=", stationId)
      .where("status", "=", "active")
      .executeTakeFirst();
  }

  /**
   * Inserts with its final code, which carries the id: the id is taken first (PostgreSQL's sequence; on SQLite
   * the next autoincrement value, safe because SQLite writers are serialised and one process owns the file).
   */
  /** A new problem with its first event; the code is `P<date>-<id, five digits at least>`. */
  async insertWithEvent(
    db: Db,
    values: Omit<ProblemValues, "code">,
    codeDate: string,
    event: Omit<EventValues, "problem_id" | "from_status">,
  ): Promise<{ id: number; code: string; eventId: number }> {
    if (dialectOf(db) === "postgres") {
      const [row] = (
        await insertProblemWithEventPg(db, {
          ...values,
          code_prefix: `P${codeDate}-`,
          event_action: event.action,
          event_to_status: event.to_status,
          event_note: event.note,
          event_actor_user_id: event.actor_user_id,
          event_actor_name: event.actor_name,
          event_unit_id: event.unit_id,
          event_at: event.at,
        })
      ).rows;
      return { id: Number(row.id), code: row.code, eventId: Number(row.event_id) };
    }
    const id = Number((await nextProblemId(db, {})).rows[0].id);
    const code = `P${codeDate}-${String(id).padStart(5, "0")}`;
    await insertProblem(db, { ...values, id, code });
    const eventId = (await insertEvent(db, { ...event, from_status: null, problem_id: id })).rows[0].id;
    return { id, code, eventId };
  }

  /** A version-checked update: false when someone else changed the problem first. */
  async update(db: Db, id: number, version: number, values: Partial<Omit<ProblemValues, "code">>) {
    const r = await db
      .updateTable("problems")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(db: Db, values: EventValues): Promise<number> {
    return (await insertEvent(db, values)).rows[0].id;
  }

  async insertFiles(db: Db, problemId: number, eventId: number | null, fileIds: string[]) {
    if (fileIds.length === 0) return;
    await db
      .insertInto("problem_files")
      .values(fileIds.map((file_id) => ({ problem_id: problemId, event_id: eventId, file_id })))
      .execute();
  }

  events(problemId: number, db: Db = this.db) {
    return db
      .selectFrom("problem_events as e")
      .leftJoin("alliance_units as u", "u.id", "e.unit_id")
      .select(["e.id", "e.action", "e.from_status", "e.to_status", "e.note", "e.actor_name", "u.name as unit_name", "e.at"])
      .where("e.problem_id", "=", problemId)
      .orderBy("e.id")
      .execute();
  }

  filesOf(problemIds: number[], db: Db = this.db) {
    if (problemIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("problem_files")
      .select(["problem_id", "event_id", "file_id"])
      .where("problem_id", "in", problemIds)
      .orderBy("file_id")
      .execute();
  }

  /** Open problems at the same stall or place in a station, newest first. */
  similar(stationIds: number[] | null, s: { stallId?: number; place?: string; categoryCode?: string; title?: string }, limit = 5) {
    let q = this.base(this.db).select(columns).where("p.status", "in", ["submitted", "accepted", "assigned", "in_progress", "reopened"]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "p.station_id"));
    const { stallId, place, title } = s;
    if (!stallId && !place && !title) return Promise.resolve([]);
    q = q.where((eb) => {
      const any = [];
      if (stallId) any.push(eb("p.stall_id", "=", stallId));
      if (place) any.push(containsText(eb, "p.place", place));
      if (title) any.push(containsText(eb, "p.title", title));
      return eb.or(any);
    });
    if (s.categoryCode) q = q.where("p.category_code", "=", s.categoryCode);
    return q.orderBy("p.id", "desc").limit(limit).execute();
  }

  /** The public board's page: its ids from the problems table alone, its rows, a capped count (server/db/paging.ts). */
  async publicList(stationId: number, page: { limit: number; offset: number }) {
    return pagedList({
      db: this.db,
      filtered: this.db
        .selectFrom("problems as p")
        .where("p.station_id", "=", stationId)
        .where("p.status", "in", ["resolved", "confirmed"]),
      id: "p.id",
      order: [
        ["p.resolved_at", "desc"],
        ["p.id", "desc"],
      ],
      rows: (ids) =>
        this.base(this.db)
          .select(["p.id", "p.code", "p.title", "c.name as category_name", "p.place", "u.name as unit_name", "p.resolution", "p.rating"])
          .select(["p.created_at", "p.resolved_at"])
          .where("p.id", "in", ids)
          .execute(),
      page,
    });
  }

  /** Running problems past due that are not on a meeting's agenda yet; `flagged` once staff were told. */
  overdue(now: string, limit = 500) {
    return this.db
      .selectFrom("problems as p")
      .innerJoin("org_units as o", "o.id", "p.station_id")
      .select(["p.id", "p.code", "p.title", "p.station_id", "o.name as station_name", "p.status", "p.due_at", "p.unit_id"])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom("problem_events as e")
              .select("e.id")
              .whereRef("e.problem_id", "=", "p.id")
              .where("e.action", "=", "overdue")
              .whereRef("e.at", ">=", "p.due_at"),
          )
          .as("flagged"),
      )
      .where("p.status", "in", runningStatuses)
      .where("p.due_at", "<", now)
      .where("p.escalated_meeting_id", "is", null)
      .orderBy("p.id")
      .limit(limit)
      .execute();
  }

  /** Marks a problem as on a meeting's agenda; false if another run got there first. */
  async setEscalated(db: Db, id: number, meetingId: number) {
    const r = await db
      .updateTable("problems")
      .set({ escalated_meeting_id: meetingId })
      .where("id", "=", id)
      .where("escalated_meeting_id", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Per-unit figures for the scorecard: assigned, resolved, resolved on time, ratings. */
  async unitStats(stationIds: number[] | null, from?: string, to?: string) {
    let q = this.db
      .selectFrom("problems")
      .select([
        "unit_id",
        (eb) => eb.fn.countAll<number>().as("assigned"),
        sql<number>`sum(case when resolved_at is not null then 1 else 0 end)`.as("resolved"),
        sql<number>`sum(case when resolved_at is not null and due_at is not null and resolved_at <= due_at then 1 else 0 end)`.as(
          "on_time",
        ),
        sql<number>`coalesce(sum(rating), 0)`.as("rating_sum"),
        sql<number>`count(rating)`.as("rating_count"),
      ])
      .where("unit_id", "is not", null);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    if (from) q = q.where("created_at", ">=", from);
    if (to) q = q.where("created_at", "<", to);
    const rows = await q.groupBy("unit_id").orderBy("unit_id").execute();
    return rows.map((r) => ({
      unitId: Number(r.unit_id),
      assigned: Number(r.assigned),
      resolved: Number(r.resolved),
      onTime: Number(r.on_time),
      ratingSum: Number(r.rating_sum),
      ratingCount: Number(r.rating_count),
    }));
  }
}

export type ProblemRow = NonNullable<Awaited<ReturnType<ProblemsRepository["findById"]>>>;
export type ProblemEventRow = Awaited<ReturnType<ProblemsRepository["events"]>>[number];
export type PublicProblemRow = Awaited<ReturnType<ProblemsRepository["publicList"]>>["rows"][number];
export type ProblemCategoryRow = NonNullable<Awaited<ReturnType<ProblemsRepository["findCategory"]>>>;
