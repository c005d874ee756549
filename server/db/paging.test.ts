import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.ts";
import { pagedList } from "./paging.ts";
import { containsText } from "./text-search.ts";

// pagedList over a plain table on SQLite: the page in order, exact totals below the cap, capped ones above it, and a
// text search counted among the first rows of the order only.
let database: Database;
// biome-ignore lint/suspicious/noExplicitAny: a table of the test's own
let db: Kysely<any>;

beforeAll(async () => {
  database = openDatabase({ sqliteFile: ":memory:" });
  db = database.db;
  await db.schema
    .createTable("t")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("g", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .execute();
  const rows = [];
  // 1,500 rows in group 1 (every tenth titled 漏水), 30 in group 2.
  for (let i = 1; i <= 1500; i++) rows.push({ id: i, g: 1, title: i % 10 === 0 ? `北门漏水${i}` : `路灯${i}` });
  for (let i = 1501; i <= 1530; i++) rows.push({ id: i, g: 2, title: `水龙头漏水${i}` });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("t")
      .values(rows.slice(i, i + 500))
      .execute();
});
afterAll(() => database.close());

const list = (g: number, page: { limit: number; offset: number }, q?: string, textScan?: number) =>
  pagedList({
    db,
    filtered: db.selectFrom("t as t").where("t.g", "=", g),
    id: "t.id",
    order: [["t.id", "desc"]],
    text: q ? { columns: ["t.title"], condition: (eb) => containsText(eb, "t.title", q) } : undefined,
    textScan,
    rows: (ids) => db.selectFrom("t").selectAll().where("id", "in", ids).execute() as Promise<{ id: number; title: string }[]>,
    page,
  });

describe("pagedList", () => {
  it("answers the page in the list's order with an exact total below the cap", async () => {
    const r = await list(2, { limit: 20, offset: 0 });
    expect(r.rows.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => 1530 - i));
    expect(r).toMatchObject({ total: 30, totalCapped: false });
    const last = await list(2, { limit: 20, offset: 20 });
    expect(last.rows.map((x) => x.id)).toEqual(Array.from({ length: 10 }, (_, i) => 1510 - i));
    expect(last).toMatchObject({ total: 30, totalCapped: false });
    expect(await list(2, { limit: 20, offset: 40 })).toMatchObject({ rows: [], total: 30, totalCapped: false });
  });

  it("caps the total above 1,000 and never below the rows already paged past", async () => {
    expect(await list(1, { limit: 20, offset: 0 })).toMatchObject({ total: 1000, totalCapped: true });
    const deep = await list(1, { limit: 200, offset: 1200 });
    expect(deep.rows).toHaveLength(200);
    expect(deep).toMatchObject({ total: 1400, totalCapped: true });
  });

  it("counts exactly up to the cap and caps from one more (999, 1,000 and 1,001 matches)", async () => {
    // Group 1 has ids 1..1500: a filter on id leaves exactly n of them.
    const upTo = (n: number) =>
      pagedList({
        db,
        filtered: db.selectFrom("t as t").where("t.g", "=", 1).where("t.id", "<=", n),
        id: "t.id",
        order: [["t.id", "desc"]],
        rows: (ids) => db.selectFrom("t").selectAll().where("id", "in", ids).execute() as Promise<{ id: number; title: string }[]>,
        page: { limit: 20, offset: 20 },
      });
    expect(await upTo(999)).toMatchObject({ total: 999, totalCapped: false });
    expect(await upTo(1000)).toMatchObject({ total: 1000, totalCapped: false });
    expect(await upTo(1001)).toMatchObject({ total: 1000, totalCapped: true });
    // Past the first page with nothing on it: the count runs on its own.
    const beyond = await pagedList({
      db,
      filtered: db.selectFrom("t as t").where("t.g", "=", 2),
      id: "t.id",
      order: [["t.id", "desc"]],
      rows: async () => [],
      page: { limit: 20, offset: 100 },
    });
    expect(beyond).toMatchObject({ rows: [], total: 30, totalCapped: false });
  });

  it("counts a text search among the first rows of the order: exact when they are all, a lower bound otherwise", async () => {
    const exact = await list(2, { limit: 5, offset: 0 }, "漏水");
    expect(exact).toMatchObject({ total: 30, totalCapped: false });
    expect(exact.rows.every((x) => x.title.includes("漏水"))).toBe(true);
    // 1,500 candidates: the 1,001 read (the first 1,000 of the order and one to tell there are more) hold 101
    // matches; 150 match in all.
    const bounded = await list(1, { limit: 20, offset: 0 }, "漏水");
    expect(bounded.rows.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => 1500 - 10 * i));
    expect(bounded).toMatchObject({ total: 101, totalCapped: true });
    expect(await list(1, { limit: 20, offset: 0 }, "漏水", 2000)).toMatchObject({ total: 150, totalCapped: false });
    expect(await list(1, { limit: 20, offset: 0 }, "没有")).toMatchObject({ rows: [], total: 0, totalCapped: false });
  });
});
