import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { dialectOf } from "./database.ts";
import { idList, inIdList } from "./id-list.ts";
import { prepared } from "./prepared.ts";

describe(`a page's ids as one parameter (${dialectName})`, () => {
  let t: TestDatabase;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    for (const [i, code] of ["ids_a", "ids_b", "ids_c", "ids_d"].entries()) {
      const row = await t.database.db
        .insertInto("problem_categories")
        .values({ code, name: `类别${i}`, name_en: "Test", time_limit_days: i + 1, active: 1, created_at: "2026-11-28T00:00:00.000Z" })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
  });
  afterAll(() => t.drop());

  const byIds = prepared((db, v: { ids: string }, dialect) =>
    db
      .selectFrom("problem_categories")
      .select(["id", "code"])
      .where(inIdList(dialect, "id", v.ids))
      .orderBy("id"),
  );

  it("reads exactly the rows of each call's ids through one compiled statement", async () => {
    const dialect = dialectOf(t.database.db);
    const codes = async (some: number[]) => (await byIds(t.database.db, { ids: idList(dialect, some) })).rows.map((r) => r.code);
    expect(await codes([ids[1], ids[3]])).toEqual(["ids_b", "ids_d"]);
    expect(await codes([ids[0]])).toEqual(["ids_a"]);
    expect(await codes(ids)).toEqual(["ids_a", "ids_b", "ids_c", "ids_d"]);
    expect(await codes([])).toEqual([]);
  });

  it("refuses what is not an integer id", () => {
    expect(() => idList("sqlite", [1, 2.5])).toThrow(/not an integer/);
    expect(() => idList("postgres", [Number.NaN])).toThrow(/not an integer/);
  });
});
