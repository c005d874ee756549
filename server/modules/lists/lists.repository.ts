// The needs, offers and projects tables (with project units and progress updates). Only this file touches them.

import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from "kysely";
import type { NeedKind, NeedStatus, OfferKind, OfferStatus, ProjectStatus } from "../../../contracts/lists.ts";
import { inBatches } from "../../db/batches.ts";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, NeedTable, OfferTable, ProjectTable, ProjectUpdateTable } from "../../db/tables.ts";
import { containsText, linkedContainsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface Page {
  limit: number;
  offset: number;
  sort?: string;
  order: "asc" | "desc";
}

export interface NeedFilter {
  stationIds: number[] | null;
  status?: NeedStatus;
  kind?: NeedKind;
  q?: string;
  raisedByUserId?: number;
}

export interface OfferFilter {
  stationIds: number[] | null;
  status?: OfferStatus;
  kind?: OfferKind;
  unitId?: number;
  q?: string;
}

export interface ProjectFilter {
  stationIds: number[] | null;
  status?: ProjectStatus;
  /** Projects the unit owns or takes part in. */
  unitId?: number;
  q?: string;
}

export type NeedValues = Omit<NeedTable, "id" | "version">;
export type OfferValues = Omit<OfferTable, "id" | "version">;
export type ProjectValues = Omit<ProjectTable, "id" | "version" | "percent"> & { percent?: number };
export type ProjectUpdateValues = Omit<ProjectUpdateTable, "id">;

const needColumns = [
  "n.id",
  "n.station_id",
  "n.title",
  "n.description",
  "n.kind",
  "n.status",
  "n.raised_by_user_id",
  "n.raised_by_name",
  "n.offer_id",
  "o.title as offer_title",
  "n.project_id",
  "n.created_at",
  "n.updated_at",
  "n.version",
] as const;

const offerColumns = [
  "f.id",
  "f.station_id",
  "f.unit_id",
  "u.name as unit_name",
  "f.title",
  "f.description",
  "f.kind",
  "f.amount_fen",
  "f.status",
  "f.created_at",
  "f.updated_at",
  "f.version",
] as const;

const projectColumns = [
  "p.id",
  "p.station_id",
  "p.name",
  "p.description",
  "p.owner_unit_id",
  "u.name as owner_unit_name",
  "p.budget_fen",
  "p.funding_json",
  "p.start_date",
  "p.end_date",
  "p.status",
  "p.percent",
  "p.outcomes_json",
  "p.cancel_reason",
  "p.created_at",
  "p.updated_at",
  "p.version",
] as const;

const needSort = { createdAt: "n.created_at", title: "n.title", status: "n.status", kind: "n.kind" } as const;
const offerSort = { createdAt: "f.created_at", title: "f.title", status: "f.status", kind: "f.kind" } as const;
const projectSort = {
  createdAt: "p.created_at",
  name: "p.name",
  status: "p.status",
  startDate: "p.start_date",
  budget: "p.budget_fen",
} as const;

const needTextColumns = ["n.title", "n.description"] as const;

// biome-ignore lint/suspicious/noExplicitAny: applies to the needs table (alias n)
function needText(eb: ExpressionBuilder<any, any>, text: string): Expression<SqlBool> {
  return eb.or(needTextColumns.map((column) => containsText(eb, column, text)));
}

/** The alliance unit a row names through `unitColumn` has a name containing the text (the unit looked up by its id). */
// biome-ignore lint/suspicious/noExplicitAny: applies to any table naming a unit
function unitNameContains(eb: ExpressionBuilder<any, any>, unitColumn: string, text: string): Expression<SqlBool> {
  return linkedContainsText(eb, unitColumn, "alliance_units", "name", text);
}

export class ListsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private needs(db: Db) {
    return db.selectFrom("needs as n").leftJoin("offers as o", "o.id", "n.offer_id");
  }

  /** The needs table alone with the filter (the offer is joined for a page's rows only). */
  private filteredNeeds(db: Db, f: NeedFilter, withText = true) {
    let q = db.selectFrom("needs as n").where(inStations(f.stationIds, "n.station_id"));
    if (f.status) q = q.where("n.status", "=", f.status);
    if (f.kind) q = q.where("n.kind", "=", f.kind);
    if (f.raisedByUserId !== undefined) q = q.where("n.raised_by_user_id", "=", f.raisedByUserId);
    if (f.q && withText) {
      const text = f.q;
      q = q.where((eb) => needText(eb, text));
    }
    return q;
  }

  /** The page's ids from the needs table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listNeeds(f: NeedFilter, page: Page) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.filteredNeeds(this.db, f, false),
      text: text ? { columns: needTextColumns, condition: (eb) => needText(eb, text) } : undefined,
      id: "n.id",
      order: [
        [needSort[page.sort as keyof typeof needSort] ?? "n.id", page.order],
        ["n.id", page.order],
      ],
      rows: (ids) => this.needs(this.db).select(needColumns).where("n.id", "in", ids).execute(),
      page,
    });
  }

  async countNeeds(f: NeedFilter) {
    const r = await this.filteredNeeds(this.db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  findNeed(id: number, db: Db = this.db) {
    return this.needs(db).select(needColumns).where("n.id", "=", id).executeTakeFirst();
  }

  needsByIds(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.needs(db).select(needColumns).where("n.id", "in", ids).orderBy("n.id").execute();
  }

  needsOfProjects(projectIds: number[], db: Db = this.db) {
    if (projectIds.length === 0) return Promise.resolve([]);
    return db.selectFrom("needs").select(["id", "title", "project_id"]).where("project_id", "in", projectIds).orderBy("id").execute();
  }

  /** Open needs of a station, oldest first (a meeting's agenda draws from them). */
  openNeeds(db: Db, stationId: number, limit = 50) {
    return db
      .selectFrom("needs")
      .select(["id", "title", "kind"])
      .where("station_id", "=", stationId)
      .where("status", "=", "open")
      .orderBy("id")
      .limit(limit)
      .execute();
  }

  async insertNeed(db: Db, values: NeedValues) {
    return (await db.insertInto("needs").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertNeeds(db: Db, values: NeedValues[]) {
    return inBatches(values, async (batch) => (await db.insertInto("needs").values(batch).returning("id").execute()).map((r) => r.id));
  }

  async updateNeed(db: Db, id: number, version: number, values: Partial<NeedValues>) {
    const r = await db
      .updateTable("needs")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Moves several needs at once from the statuses named (inside the caller's transaction); returns how many moved. */
  async moveNeeds(db: Db, ids: number[], fromStatuses: NeedStatus[], values: Partial<NeedValues>) {
    if (ids.length === 0) return 0;
    const r = await db
      .updateTable("needs")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "in", ids)
      .where("status", "in", fromStatuses)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  private offers(db: Db) {
    return db.selectFrom("offers as f").innerJoin("alliance_units as u", "u.id", "f.unit_id");
  }

  /** The offers table alone with the filter (the unit is joined for a page's rows only). */
  private filteredOffers(db: Db, f: OfferFilter) {
    let q = db.selectFrom("offers as f").where(inStations(f.stationIds, "f.station_id"));
    if (f.status) q = q.where("f.status", "=", f.status);
    if (f.kind) q = q.where("f.kind", "=", f.kind);
    if (f.unitId !== undefined) q = q.where("f.unit_id", "=", f.unitId);
    return q;
  }

  /** The page's ids from the offers table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listOffers(f: OfferFilter, page: Page) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.filteredOffers(this.db, f),
      text: text
        ? {
            columns: ["f.title", "f.description", "f.unit_id"],
            condition: (eb) =>
              eb.or([containsText(eb, "f.title", text), containsText(eb, "f.description", text), unitNameContains(eb, "f.unit_id", text)]),
          }
        : undefined,
      id: "f.id",
      order: [
        [offerSort[page.sort as keyof typeof offerSort] ?? "f.id", page.order],
        ["f.id", page.order],
      ],
      rows: (ids) => this.offers(this.db).select(offerColumns).where("f.id", "in", ids).execute(),
      page,
    });
  }

  findOffer(id: number, db: Db = this.db) {
    return this.offers(db).select(offerColumns).where("f.id", "=", id).executeTakeFirst();
  }

  async insertOffer(db: Db, values: OfferValues) {
    return (await db.insertInto("offers").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }

  async insertOffers(db: Db, values: OfferValues[]) {
    return inBatches(values, async (batch) => (await db.insertInto("offers").values(batch).returning("id").execute()).map((r) => r.id));
  }

  async updateOffer(db: Db, id: number, version: number, values: Partial<OfferValues>) {
    const r = await db
      .updateTable("offers")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private projects(db: Db) {
    return db.selectFrom("projects as p").innerJoin("alliance_units as u", "u.id", "p.owner_unit_id");
  }

  /** The projects table alone with the filter (the owner unit is joined for a page's rows only). */
  private filteredProjects(db: Db, f: ProjectFilter) {
    let q = db.selectFrom("projects as p").where(inStations(f.stationIds, "p.station_id"));
    if (f.status) q = q.where("p.status", "=", f.status);
    if (f.unitId !== undefined) {
      const unitId = f.unitId;
      q = q.where((eb) =>
        eb.or([
          eb("p.owner_unit_id", "=", unitId),
          eb.exists(
            eb
              .selectFrom("project_units as pu")
              .select("pu.unit_id")
              .whereRef("pu.project_id", "=", "p.id")
              .where("pu.unit_id", "=", unitId),
          ),
        ]),
      );
    }
    return q;
  }

  /** The page's ids from the projects table alone, its rows for those ids, a capped count (server/db/paging.ts). */
  async listProjects(f: ProjectFilter, page: Page) {
    const text = f.q;
    return pagedList({
      db: this.db,
      filtered: this.filteredProjects(this.db, f),
      text: text
        ? {
            columns: ["p.name", "p.owner_unit_id"],
            condition: (eb) => eb.or([containsText(eb, "p.name", text), unitNameContains(eb, "p.owner_unit_id", text)]),
          }
        : undefined,
      id: "p.id",
      order: [
        [projectSort[page.sort as keyof typeof projectSort] ?? "p.id", page.order],
        ["p.id", page.order],
      ],
      rows: (ids) => this.projects(this.db).select(projectColumns).where("p.id", "in", ids).execute(),
      page,
    });
  }

  findProject(id: number, db: Db = this.db) {
    return this.projects(db).select(projectColumns).where("p.id", "=", id).executeTakeFirst();
  }

  projectUnits(projectIds: number[], db: Db = this.db) {
    if (projectIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("project_units as pu")
      .innerJoin("alliance_units as u", "u.id", "pu.unit_id")
      .select(["pu.project_id", "u.id", "u.name"])
      .where("pu.project_id", "in", projectIds)
      .orderBy("u.id")
      .execute();
  }

  projectUpdates(projectIds: number[], db: Db = this.db) {
    if (projectIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("project_updates")
      .select(["project_id", "note", "percent", "actor_name", "at"])
      .where("project_id", "in", projectIds)
      .orderBy("id")
      .execute();
  }

  /** One project with its participant units; ids are inserted in the caller's transaction. */
  async insertProject(db: Db, values: ProjectValues, participantUnitIds: number[]) {
    const id = (await db.insertInto("projects").values(values).returning("id").executeTakeFirstOrThrow()).id;
    const unitIds = [...new Set(participantUnitIds)];
    if (unitIds.length) {
      await db
        .insertInto("project_units")
        .values(unitIds.map((unit_id) => ({ project_id: id, unit_id })))
        .execute();
    }
    return id;
  }

  async updateProject(db: Db, id: number, version: number, values: Partial<ProjectValues>) {
    const r = await db
      .updateTable("projects")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  insertProjectUpdate(db: Db, values: ProjectUpdateValues) {
    return db.insertInto("project_updates").values(values).execute();
  }

  /** Alliance units by id, for checking that the units a write names belong to its station. */
  units(ids: number[], db: Db = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom("alliance_units").select(["id", "station_id", "name"]).where("id", "in", ids).execute();
  }
}

export type NeedRow = NonNullable<Awaited<ReturnType<ListsRepository["findNeed"]>>>;
export type OfferRow = NonNullable<Awaited<ReturnType<ListsRepository["findOffer"]>>>;
export type ProjectRow = NonNullable<Awaited<ReturnType<ListsRepository["findProject"]>>>;
export type ProjectUpdateRow = Awaited<ReturnType<ListsRepository["projectUpdates"]>>[number];
