// The commit's joined statement (server/db/before-commit.ts): parts compiled on their own, renumbered into one.
import { CompiledQuery } from "kysely";
import { describe, expect, it } from "vitest";
import { joinStatements, shiftParameters } from "./before-commit.ts";

describe("joined statements", () => {
  it("renumbers parameters, never inside a literal or an identifier", () => {
    expect(shiftParameters(`select $1, $2::text, '$1 costs $2', "col$1", x$1 from t where a = $10`, 3)).toBe(
      `select $4, $5::text, '$1 costs $2', "col$1", x$1 from t where a = $13`,
    );
    expect(shiftParameters(`select 'it''s $1', $1`, 1)).toBe(`select 'it''s $1', $2`);
    expect(shiftParameters("select $1", 0)).toBe("select $1");
    // Renumbered once per text and offset, and the same answer every time.
    expect([2, 5, 2, 5].map((offset) => shiftParameters("x = $1 and y = $2", offset))).toEqual([
      "x = $3 and y = $4",
      "x = $6 and y = $7",
      "x = $3 and y = $4",
      "x = $6 and y = $7",
    ]);
  });

  it("puts the deferred inserts before the statement, as CTEs, with their parameters in order", () => {
    const a = CompiledQuery.raw(`insert into "a" ("x") values ($1)`, [1]);
    const b = CompiledQuery.raw(`insert into "b" ("x", "y") values ($1, $2)`, [2, 3]);
    const joined = joinStatements([a, b], {
      ctes: [["head", "update h set n = $1 returning n"]],
      body: "insert into l select n, $2 from head",
      parameters: [4, 5],
    });
    expect(joined.sql).toBe(
      `with deferred_0 as (insert into "a" ("x") values ($1)), deferred_1 as (insert into "b" ("x", "y") values ($2, $3)), ` +
        "head as (update h set n = $4 returning n) insert into l select n, $5 from head",
    );
    expect(joined.parameters).toEqual([1, 2, 3, 4, 5]);
  });

  it("without a statement to join, the last insert is the main one", () => {
    const a = CompiledQuery.raw(`insert into "a" ("x") values ($1)`, [1]);
    const b = CompiledQuery.raw(`insert into "b" ("x") values ($1)`, [2]);
    expect(joinStatements([a, b])).toEqual({
      sql: `with deferred_0 as (insert into "a" ("x") values ($1)) insert into "b" ("x") values ($2)`,
      parameters: [1, 2],
    });
    expect(joinStatements([a])).toEqual({ sql: `insert into "a" ("x") values ($1)`, parameters: [1] });
  });
});
