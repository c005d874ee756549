// The demo market's own tests: it loads at any instant, the figures it records about itself match its rows, and
// its audit chain verifies. No other suite depends on the demo's counts (they build their own records).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftMonth, stationDate } from "../contracts/calendar.ts";
import { verifyAuditChain } from "../server/platform/audit.ts";
import { createTestDatabase, dialectName, type TestDatabase, testClock } from "../server/test/helpers.ts";
import { merchantMix } from "./tianyuan.ts";

const count = async (t: TestDatabase, table: "merchants" | "residents" | "alliance_units" | "users" | "problems") =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`the Tianyuan demo market (${dialectName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("holds the report's 129 merchants at Tianyuan in the mix of its categories", async () => {
    const station = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    const rows = await t.database.db
      .selectFrom("merchants")
      .select(["category", (eb) => eb.fn.countAll().as("n")])
      .where("station_id", "=", station.id)
      .groupBy("category")
      .execute();
    const byCategory = Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
    expect(byCategory).toEqual(merchantMix);
    expect(Object.values(merchantMix).reduce((a, b) => a + b, 0)).toBe(129);
  });

  it("records figures about itself that match its rows", async () => {
    const entry = await t.database.db
      .selectFrom("audit_log")
      .select(["after_json"])
      .where("action", "=", "demo.loaded")
      .executeTakeFirstOrThrow();
    const figures = JSON.parse(String(entry.after_json)) as Record<string, number>;
    const station = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    const atStation = async (table: "merchants" | "residents") =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("station_id", "=", station.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(figures.merchants).toBe(await atStation("merchants"));
    expect(figures.residents).toBe(await atStation("residents"));
    expect(await count(t, "users")).toBeGreaterThanOrEqual(figures.accounts);
  });

  it("leaves an audit chain that verifies", async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("loads the same registry at any instant, with its history before it and its plans after it", async () => {
    const leapMorning = await createTestDatabase({ clock: testClock("2028-02-28T23:59:00Z") });
    try {
      for (const table of ["merchants", "residents", "alliance_units", "users"] as const) {
        expect(await count(leapMorning, table)).toBe(await count(t, table));
      }
      const { first, last } = await leapMorning.database.db
        .selectFrom("problems")
        .select((eb) => [eb.fn.min("created_at").as("first"), eb.fn.max("created_at").as("last")])
        .executeTakeFirstOrThrow();
      // Problems are history: none after the instant the market was loaded at (the clock runs on while it loads).
      expect(Date.parse(String(last))).toBeLessThanOrEqual(Date.parse("2028-02-28T23:59:00Z") + 10 * 60_000);
      // …and the history reaches back most of a year.
      expect(Date.parse(String(first))).toBeLessThan(Date.parse("2027-06-01T00:00:00Z"));
    } finally {
      await leapMorning.drop();
    }
  });

  it("had its 16th and its 28th volunteer activity in every month of the past year, and zhiyuanzhe a coming 16th to join", async () => {
    const db = t.database.db;
    const rows = await db
      .selectFrom("volunteer_occurrences as o")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .select(["o.date", "o.status", "o.signup_deadline", "o.team_ids", "s.title"])
      .execute();
    const today = stationDate(t.clock.now());
    for (let m = 1; m <= 12; m++) {
      const month = shiftMonth(today.slice(0, 7), -m);
      for (const [day, title] of [
        ["16", "16·爱一直在行动"],
        ["28", "28惠民行"],
      ]) {
        const held = rows.find((r) => r.date === `${month}-${day}` && r.title === title);
        expect(held, `${month}-${day}`).toBeDefined();
        expect(held?.status).toBe("open");
      }
    }
    const zhiyuanzhe = await db
      .selectFrom("volunteers as v")
      .innerJoin("users as u", "u.id", "v.user_id")
      .innerJoin("volunteer_memberships as m", "m.volunteer_id", "v.id")
      .select(["v.number", "m.team_id", "m.status"])
      .where("u.username", "=", "zhiyuanzhe")
      .executeTakeFirstOrThrow();
    expect(zhiyuanzhe.number).toMatch(/^TY-V-\d{4}$/);
    expect(zhiyuanzhe.status).toBe("approved");
    const now = t.clock.now().toISOString();
    const coming = rows.filter(
      (r) => r.date.endsWith("-16") && r.signup_deadline > now && (JSON.parse(r.team_ids) as number[]).includes(zhiyuanzhe.team_id),
    );
    expect(coming.length).toBeGreaterThanOrEqual(1);
  });
});
