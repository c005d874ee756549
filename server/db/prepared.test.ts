import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { prepared } from "./prepared.ts";

describe(`prepared statements (${dialectName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
  });
  afterAll(() => t.drop());

  const insertCategory = prepared((db, v: { code: string; name: string; days: number }) =>
    db
      .insertInto("problem_categories")
      .values({ code: v.code, name: v.name, name_en: "Test", time_limit_days: v.days, active: 1, created_at: "2026-11-28T00:00:00.000Z" }),
  );
  const categoryByCode = prepared((db, v: { code: string }) =>
    db.selectFrom("problem_categories").select(["code", "name", "name_en", "time_limit_days"]).where("code", "=", v.code),
  );

  it("runs one compiled statement with each call's own values, keeping the statement's constants", async () => {
    await insertCategory(t.database.db, { code: "p_one", name: "第一", days: 3 });
    await t.database.db.transaction().execute((trx) => insertCategory(trx, { code: "p_two", name: "第二", days: 9 }));
    expect((await categoryByCode(t.database.db, { code: "p_two" })).rows).toEqual([
      { code: "p_two", name: "第二", name_en: "Test", time_limit_days: 9 },
    ]);
    expect((await categoryByCode(t.database.db, { code: "p_one" })).rows).toEqual([
      { code: "p_one", name: "第一", name_en: "Test", time_limit_days: 3 },
    ]);
    expect((await categoryByCode(t.database.db, { code: "none" })).rows).toEqual([]);
  });

  it("refuses a value that does not reach the statement as a parameter", async () => {
    const careless = prepared((db, _v: { code: string }) => db.selectFrom("problem_categories").select("code").where("code", "=", "fixed"));
    await expect(careless(t.database.db, { code: "x" })).rejects.toThrow(/"code" is not a parameter/);
  });

  it("refuses a call with other values than the statement was compiled for", async () => {
    await expect(categoryByCode(t.database.db, { code: "p_one", extra: 1 } as { code: string })).rejects.toThrow(/other values/);
  });
});
