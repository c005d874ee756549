// Pages with totals: the page's rows carry the total as a window count over the filter, so one query answers
// both; only a page past the end needs the separate count.
import { type SelectQueryBuilder, sql } from "kysely";

export interface PageWindow {
  limit: number;
  offset: number;
}

export async function pageRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageWindow,
  count: () => Promise<number>,
): Promise<{ rows: O[]; total: number }> {
  const rows = (await query
    // biome-ignore lint/suspicious/noExplicitAny: adds one column to whatever the caller selected
    .select(sql<number>`count(*) over ()`.as("total") as any)
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as (O & { total: number | string })[];
  return { rows, total: rows.length > 0 ? Number(rows[0].total) : await count() };
}
