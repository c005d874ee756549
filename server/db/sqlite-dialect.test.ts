import { DatabaseSync } from "node:sqlite";
import { Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { nodeSqliteDialect, rowFactory } from "./sqlite-dialect.ts";

describe("SQLite rows made from arrays", () => {
  const raw = new DatabaseSync(":memory:");
  raw.exec(`create table t (id integer primary key, name text, amount integer, photo blob, note text);
    insert into t values (1, '北门水龙头', 880, x'0102', null), (2, 'East gate', -5, null, 'ok');`);
  // biome-ignore lint/suspicious/noExplicitAny: a table made for the test
  const db = new Kysely<any>({ dialect: nodeSqliteDialect(raw) });
  afterAll(() => db.destroy());

  it("answers the same rows node:sqlite answers as objects: names, values, types, nulls and blobs", async () => {
    const text = "select id, name, amount, photo, note, amount * 2 as twice, count(*) over () from t order by id";
    const expected = raw.prepare(text).all();
    const { rows } = await db.executeQuery(sql.raw(text).compile(db));
    expect(rows).toEqual(expected);
    expect(Object.keys(rows[0] as object)).toEqual(["id", "name", "amount", "photo", "note", "twice", "count(*) over ()"]);
    expect((rows[0] as { photo: Uint8Array }).photo).toBeInstanceOf(Uint8Array);
  });

  it("streams rows as objects too", async () => {
    const seen: unknown[] = [];
    for await (const row of db.selectFrom("t").select(["id", "name"]).orderBy("id").stream()) seen.push(row);
    expect(seen).toEqual([
      { id: 1, name: "北门水龙头" },
      { id: 2, name: "East gate" },
    ]);
  });

  it("answers a table's new columns after a schema change, though the statement was kept from before it", async () => {
    raw.exec("create table s (id integer primary key, a text); insert into s values (1, 'x');");
    const all = () => db.selectFrom("s").selectAll().execute();
    expect(await all()).toEqual([{ id: 1, a: "x" }]);
    await db.schema.alterTable("s").dropColumn("a").execute();
    await db.schema
      .alterTable("s")
      .addColumn("b", "integer", (c) => c.defaultTo(7))
      .execute();
    expect(await all()).toEqual([{ id: 1, b: 7 }]);
    await sql`alter table s add column c text`.execute(db);
    expect(await all()).toEqual([{ id: 1, b: 7, c: null }]);
    // A change made beside the dialect: SQLite prepares the kept statement again, its rows one column wider.
    raw.exec("alter table s add column d integer default 3");
    expect(await all()).toEqual([{ id: 1, b: 7, c: null, d: 3 }]);
  });

  it("keeps a repeated name's last value, and a column named __proto__ as an own property", () => {
    const make = rowFactory(["a", "__proto__", "a", 'quo"te', "x\ny"]);
    const row = make([1, 2, 3, 4, 5]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, "__proto__")?.value).toBe(2);
    expect(row.a).toBe(3);
    expect(row['quo"te']).toBe(4);
    expect(row["x\ny"]).toBe(5);
    expect(Object.keys(row)).toEqual(["a", "__proto__", 'quo"te', "x\ny"]);
  });
});
