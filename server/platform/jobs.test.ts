import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { runExclusive } from "./jobs.ts";

describe(`job leases (${dialectName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
  });
  afterAll(() => t.drop());

  it("runs a job once per lease, then again once the lease has run out", async () => {
    const db = t.database.db;
    let runs = 0;
    const job = async () => ++runs;
    const at = new Date("2026-11-27T08:00:00Z");
    expect(await runExclusive(db, "tick", 60_000, job, at, "node-a")).toEqual({ ran: true, result: 1 });
    expect(await runExclusive(db, "tick", 60_000, job, new Date(at.getTime() + 30_000), "node-b")).toEqual({ ran: false });
    expect(await runExclusive(db, "tick", 60_000, job, new Date(at.getTime() + 60_000), "node-b")).toEqual({ ran: true, result: 2 });
    const row = await db.selectFrom("job_leases").selectAll().where("name", "=", "tick").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ lease_owner: "node-b", last_result: "2" });
  });

  it("with several nodes racing (first run included), exactly one runs", async () => {
    const db = t.database.db;
    let runs = 0;
    const at = new Date("2026-11-27T09:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        runExclusive(
          db,
          "race",
          60_000,
          async () => {
            runs++;
            await new Promise((r) => setTimeout(r, 20));
          },
          at,
          `node-${i}`,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it("records a failing job's error and releases nothing early", async () => {
    const db = t.database.db;
    const at = new Date("2026-11-27T10:00:00Z");
    const outcome = await runExclusive(
      db,
      "broken",
      60_000,
      async () => {
        throw new Error("boom");
      },
      at,
    );
    expect(outcome).toEqual({ ran: true, error: "boom" });
    const row = await db.selectFrom("job_leases").selectAll().where("name", "=", "broken").executeTakeFirstOrThrow();
    expect(row.last_result).toBe("error: boom");
    expect(await runExclusive(db, "broken", 60_000, async () => 1, new Date(at.getTime() + 1000))).toEqual({ ran: false });
  });
});
