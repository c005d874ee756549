import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { hit, rateLimitJobs } from "./rate-limit.ts";

describe(`rate-limit counters in the database (${dialectName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
  });
  afterAll(() => t.drop());

  it("counts hits within a window and starts a new window once it has ended", async () => {
    const now = Date.parse("2026-11-18T02:30:00Z");
    expect(await hit(t.database.db, "a", now, 60_000)).toEqual({ hits: 1, resetAt: now + 60_000 });
    expect(await hit(t.database.db, "a", now + 1_000, 60_000)).toEqual({ hits: 2, resetAt: now + 60_000 });
    expect(await hit(t.database.db, "b", now + 1_000, 60_000)).toEqual({ hits: 1, resetAt: now + 61_000 });
    expect(await hit(t.database.db, "a", now + 60_000, 60_000)).toEqual({ hits: 1, resetAt: now + 120_000 });
  });

  it("counts simultaneous hits exactly, as several app nodes would send them", async () => {
    const now = Date.parse("2026-11-18T03:00:00Z");
    const results = await Promise.all(Array.from({ length: 25 }, () => hit(t.database.db, "burst", now, 60_000)));
    expect(results.map((r) => r.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("removes counters whose window has ended", async () => {
    const [purge] = rateLimitJobs(t.database.db);
    await purge.run(new Date(Date.parse("2026-11-18T02:31:30Z")));
    const keys = (await t.database.db.selectFrom("rate_limits").select("key").orderBy("key").execute()).map((r) => r.key);
    expect(keys).toEqual(["a", "burst"]);
  });
});
