// Pages of a list whose cost follows the page, not what matches (issue 16).
//
// `pagedList` answers a page in up to three statements, none of which builds every matching row:
//   1. the page's ids: the base table alone with every filter, ordered and limited (`select p.id … order by … limit
//      20 offset …`). With an index that holds the filter's equality columns and then the order (migration 23 for
//      the problems), the database walks it in order and stops after the page; a text search (LIKE over the wide
//      columns) is checked row by row along that walk and stops too, once the page is full.
//   2. the page's rows: the joins and the wide columns for those ids only (`… where p.id in (…)`), put back in the
//      order of step 1.
//   3. the total: a count of the filter alone (without a text search, a subquery of step 1), stopped after `cap + 1` matches (`select count(*) from (select 1 …
//      limit 1001)`), which an index answers without reading the rows. Above the cap the total is the cap and
//      `totalCapped` says it is a lower bound (the list shows "1,000+"). A text search is counted among the first
//      TEXT_SCAN rows of the list's order only (exact when no more rows pass the other filters, "78+" otherwise). A
//      first page shorter than the page size is its own total, and no count is run.
//
// Every paged list answers this way; a window count (`count(*) over ()`), which builds every matching row with all
// its joins before taking the page, is not used. A condition on a joined table (a unit's or a merchant's name) is
// written against the base table's id column (`exists (select … where u.id = f.unit_id and …)`), so step 1 and the
// count still read the base table alone.
import { type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql, type Transaction } from "kysely";

export interface PageWindow {
  limit: number;
  offset: number;
}

/** Totals above this are answered as "this many or more" (`totalCapped`). */
export const TOTAL_CAP = 1000;
/**
 * A text search's total reads at most this many rows (the newest, in the list's order): exact when no more rows
 * pass the other filters, a lower bound ("78+") otherwise. A LIKE cannot use an index, so an exact count would read
 * every candidate on every request (3,520 of a station's confirmed problems, 35,000 at a ten-year station).
 */
export const TEXT_SCAN = 1000;

export interface PagedRows<Row> {
  rows: Row[];
  total: number;
  /** The total is a lower bound: more than `total` rows match (the count stopped at the cap). */
  totalCapped: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the narrow query is any table's filtered select
type AnySelect = SelectQueryBuilder<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: the database or transaction the count runs on
type AnyDb = Kysely<any> | Transaction<any>;

export interface ListPlan<Row extends { id: number }> {
  /** Where the count runs (the same database as `filtered`). */
  db: AnyDb;
  /** The base table with every filter and nothing selected yet, e.g. `db.selectFrom("problems as p").where(…)`. */
  filtered: AnySelect;
  /** The id column of the base table, e.g. `"p.id"`. */
  id: string;
  /** The order, base-table columns only; it should end with the id so the order is total. */
  order: readonly (readonly [column: string, direction: "asc" | "desc"])[];
  /**
   * A text search (LIKE over wide columns), kept apart from `filtered`: the page's id scan checks it along its walk
   * and stops once the page is full; the total counts it among the first `textScan` rows of the list's order only.
   */
  text?: {
    /** The base-table columns the condition reads, e.g. `["p.title", "p.description"]`. */
    columns: readonly string[];
    // biome-ignore lint/suspicious/noExplicitAny: the condition is written against the base table's alias
    condition: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  };
  /** With `text`: how many rows of the list's order the total reads at most (default TEXT_SCAN). */
  textScan?: number;
  /** The page's rows with their joins and wide columns, in any order. */
  rows: (ids: number[]) => Promise<Row[]>;
  page: PageWindow;
  /** Totals above it are capped (default TOTAL_CAP). */
  cap?: number;
}

export async function pagedList<Row extends { id: number }>(plan: ListPlan<Row>): Promise<PagedRows<Row>> {
  const { page, text } = plan;
  const cap = plan.cap ?? TOTAL_CAP;
  const ordered = (q: AnySelect) => {
    for (const [column, direction] of plan.order) q = q.orderBy(sql.ref(column), direction);
    return q;
  };
  const matching = text ? plan.filtered.where(text.condition) : plan.filtered;
  // Without a text search the capped count rides along with the page's ids, as a subquery the database runs once
  // (it reads at most cap + 1 index entries, and no more than the page when the list is short): one round trip.
  let idSelect = ordered(matching.select(sql.ref(plan.id).as("id")));
  if (!text) idSelect = idSelect.select(countUpToQuery(plan.db, plan.filtered, cap + 1).as("page_total"));
  const idRows = (await idSelect.limit(page.limit).offset(page.offset).execute()) as {
    id: number | string;
    page_total?: number | string;
  }[];
  const pageIds = idRows.map((r) => Number(r.id));
  const firstPageIsAll = page.offset === 0 && pageIds.length < page.limit;
  const [rows, counted] = await Promise.all([
    pageIds.length ? plan.rows(pageIds) : Promise.resolve([] as Row[]),
    firstPageIsAll
      ? Promise.resolve({ n: pageIds.length, lowerBound: false })
      : text
        ? countText(plan.db, ordered(plan.filtered), text, plan.textScan ?? TEXT_SCAN)
        : idRows.length
          ? Promise.resolve({ n: Number(idRows[0].page_total), lowerBound: false })
          : countUpTo(plan.db, plan.filtered, cap + 1).then((n) => ({ n, lowerBound: false })),
  ]);
  const at = new Map(pageIds.map((id, i) => [id, i]));
  rows.sort((a, b) => (at.get(Number(a.id)) ?? 0) - (at.get(Number(b.id)) ?? 0));
  // Rows up to this page exist whatever the count read.
  const seen = page.offset + pageIds.length;
  if (counted.n > cap) return { rows, total: Math.max(cap, seen), totalCapped: true };
  if (counted.lowerBound) return { rows, total: Math.max(counted.n, seen), totalCapped: true };
  return { rows, total: counted.n, totalCapped: false };
}

/**
 * Matches of a text search among the first `scan` rows of the other filters in the list's order: exact when the
 * filters leave no more rows than that, a lower bound otherwise. One statement reading at most `scan + 1` rows.
 */
async function countText(db: AnyDb, candidates: AnySelect, text: NonNullable<ListPlan<{ id: number }>["text"]>, scan: number) {
  const alias = text.columns[0].split(".")[0];
  const r = (await db
    .selectFrom(
      candidates
        .select(text.columns.map((c) => sql.ref(c).as(c.split(".")[1])))
        .limit(scan + 1)
        .as(alias),
    )
    .select((eb) => [
      sql<number>`count(*)`.as("scanned"),
      sql<number>`coalesce(sum(case when ${text.condition(eb)} then 1 else 0 end), 0)`.as("matched"),
    ])
    .executeTakeFirstOrThrow()) as { scanned: number | string; matched: number | string };
  return { n: Number(r.matched), lowerBound: Number(r.scanned) > scan };
}

/** How many rows the filter matches, counting no further than `limit` (`select count(*) from (select 1 … limit n)`). */
export async function countUpTo(db: AnyDb, filtered: AnySelect, limit: number): Promise<number> {
  const r = await countUpToQuery(db, filtered, limit).executeTakeFirstOrThrow();
  return Number(r.n);
}

function countUpToQuery(db: AnyDb, filtered: AnySelect, limit: number) {
  return db.selectFrom(filtered.select(sql<number>`1`.as("one")).limit(limit).as("t")).select(sql<number>`count(*)`.as("n"));
}
