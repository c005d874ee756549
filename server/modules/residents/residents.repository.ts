import type { Kysely, Transaction } from "kysely";
import { pagedList } from "../../db/paging.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB, ResidentTable } from "../../db/tables.ts";
import { containsText } from "../../db/text-search.ts";

type Db = Kysely<DB> | Transaction<DB>;

export interface ResidentFilter {
  stationIds: number[] | null;
  q?: string;
  /** Blind indexes to match exactly when the search text is a whole mobile or ID number. */
  mobileHash?: string;
  idNumberHash?: string;
  grid?: string;
  isLiaisonHead?: boolean;
  livesAlone?: boolean;
  /** Elderly means born on or before this date (YYYY-MM-DD), so the filter never goes stale. */
  elderlyBornBy?: { elderly: boolean; cutoff: string };
}

const sortColumns = { name: "r.name", createdAt: "r.created_at", birthDate: "r.birth_date" } as const;

const listColumns = [
  "r.id",
  "r.station_id",
  "o.name as station_name",
  "r.name",
  "r.gender",
  "r.birth_date",
  "r.mobile_enc",
  "r.id_number_enc",
  "r.address",
  "r.grid",
  "r.is_liaison_head",
  "r.lives_alone",
  "r.is_elderly",
  "r.consents",
  "r.note",
  "r.created_at",
  "r.updated_at",
  "r.version",
] as const;

export type ResidentValues = Omit<ResidentTable, "id" | "version">;

export class ResidentsRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  private filtered(db: Db, f: ResidentFilter) {
    let q = db.selectFrom("residents as r").innerJoin("org_units as o", "o.id", "r.station_id");
    if (f.stationIds !== null) q = q.where(inStations(f.stationIds, "r.station_id"));
    if (f.grid) q = q.where("r.grid", "=", f.grid);
    if (f.isLiaisonHead !== undefined) q = q.where("r.is_liaison_head", "=", f.isLiaisonHead ? 1 : 0);
    if (f.livesAlone !== undefined) q = q.where("r.lives_alone", "=", f.livesAlone ? 1 : 0);
    if (f.elderlyBornBy) {
      const { elderly, cutoff } = f.elderlyBornBy;
      q = q.where((eb) =>
        elderly
          ? eb.or([
              eb.and([eb("r.birth_date", "is not", null), eb("r.birth_date", "<=", cutoff)]),
              eb.and([eb("r.birth_date", "is", null), eb("r.is_elderly", "=", 1)]),
            ])
          : eb.or([
              eb.and([eb("r.birth_date", "is not", null), eb("r.birth_date", ">", cutoff)]),
              eb.and([eb("r.birth_date", "is", null), eb("r.is_elderly", "=", 0)]),
            ]),
      );
    }
    if (f.mobileHash) {
      q = q.where("r.mobile_hash", "=", f.mobileHash);
    } else if (f.idNumberHash) {
      q = q.where("r.id_number_hash", "=", f.idNumberHash);
    } else if (f.q) {
      const text = f.q;
      q = q.where((eb) => eb.or([containsText(eb, "r.name", text), containsText(eb, "r.address", text), containsText(eb, "r.grid", text)]));
    }
    return q;
  }

  /** One page and the total in a single query (a window count), with a count fallback past the last page. */
  async list(f: ResidentFilter, page: { limit: number; offset: number; sort?: string; order: "asc" | "desc" }) {
    const sortColumn: string | undefined = sortColumns[page.sort as keyof typeof sortColumns];
    const filtered = this.filtered(this.db, f);
    return pagedList({
      db: this.db,
      filtered,
      id: "r.id",
      order: sortColumn
        ? [
            [sortColumn, page.order],
            ["r.id", page.order],
          ]
        : [["r.id", page.order]],
      rows: (ids) => filtered.select(listColumns).where("r.id", "in", ids).execute(),
      page,
    });
  }

  /** Rows for an export, in pages, so a large station streams without holding everything. */
  async *iterate(f: ResidentFilter, batch = 1000) {
    let after = 0;
    for (;;) {
      const rows = await this.filtered(this.db, f).select(listColumns).where("r.id", ">", after).orderBy("r.id").limit(batch).execute();
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  async count(f: ResidentFilter): Promise<number> {
    const r = await this.filtered(this.db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  findById(id: number, db: Db = this.db) {
    return db
      .selectFrom("residents as r")
      .innerJoin("org_units as o", "o.id", "r.station_id")
      .select(listColumns)
      .where("r.id", "=", id)
      .executeTakeFirst();
  }

  idNumberOwner(db: Db, stationId: number, idNumberHash: string) {
    return db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "=", stationId)
      .where("id_number_hash", "=", idNumberHash)
      .executeTakeFirst();
  }

  /** Which of these ID numbers (blind indexes) a station already holds. */
  async idNumbersTaken(db: Db, stationId: number, idNumberHashes: string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    for (let i = 0; i < idNumberHashes.length; i += 500) {
      const rows = await db
        .selectFrom("residents")
        .select("id_number_hash")
        .where("station_id", "=", stationId)
        .where("id_number_hash", "in", idNumberHashes.slice(i, i + 500))
        .execute();
      for (const r of rows) taken.add(r.id_number_hash);
    }
    return taken;
  }

  async insert(db: Db, values: ResidentValues) {
    const row = await db.insertInto("residents").values(values).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }

  async insertMany(db: Db, values: ResidentValues[]) {
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += 200) {
      const rows = await db
        .insertInto("residents")
        .values(values.slice(i, i + 200))
        .returning("id")
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  async update(db: Db, id: number, version: number, values: Partial<ResidentValues>) {
    const r = await db
      .updateTable("residents")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Head counts for the station overview; elderly counted from the birth date as of `elderlyCutoff`. */
  async countsFor(stationIds: number[] | null, elderlyCutoff: string) {
    let q = this.db.selectFrom("residents").select((eb) => [
      eb.fn.countAll<number>().as("total"),
      eb.fn.sum<number>(eb.case().when("birth_date", "<=", elderlyCutoff).then(1).else(0).end()).as("elderly"),
      eb.fn.sum<number>("lives_alone").as("lives_alone"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("birth_date", "<=", elderlyCutoff), eb("lives_alone", "=", 1)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("elderly_alone"),
      eb.fn.sum<number>("is_liaison_head").as("liaison_heads"),
    ]);
    if (stationIds !== null) q = q.where(inStations(stationIds, "station_id"));
    const r = await q.executeTakeFirstOrThrow();
    return {
      total: Number(r.total ?? 0),
      elderly: Number(r.elderly ?? 0),
      livesAlone: Number(r.lives_alone ?? 0),
      elderlyAlone: Number(r.elderly_alone ?? 0),
      liaisonHeads: Number(r.liaison_heads ?? 0),
    };
  }
}

export type ResidentRow = NonNullable<Awaited<ReturnType<ResidentsRepository["findById"]>>>;
