// The demo market's own tests: it loads at any instant, the figures it records about itself match its rows, and
// its audit chain verifies. No other suite depends on the demo's counts (they build their own records).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftMonth, stationDate } from "../contracts/calendar.ts";
import { calendarOf } from "../server/modules/night-market/night-market.presenter.ts";
import { windowsBetween } from "../server/modules/night-market/night-market.workflow.ts";
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
    const station = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    const entry = await t.database.db
      .selectFrom("audit_log")
      .select(["after_json"])
      .where("action", "=", "demo.loaded")
      .where("station_id", "=", station.id)
      .executeTakeFirstOrThrow();
    const figures = JSON.parse(String(entry.after_json)) as Record<string, number>;
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

  it("gives 友谊 a smaller year of its own in every area, pointing only at its own station, merchants and residents", async () => {
    const db = t.database.db;
    const stationOf = async (name: string) =>
      (await db.selectFrom("org_units").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
    const youyi = await stationOf("友谊市场党群服务站");
    const tianyuan = await stationOf("天源市场党群服务站");
    const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await q.executeTakeFirstOrThrow()).n);
    const atYouyi = (
      table: "problems" | "meetings" | "duty_shifts" | "service_requests" | "caring_shops" | "discount_cards" | "loans" | "reweighs",
    ) =>
      n(
        db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .where("station_id", "=", youyi),
      );

    const states = await db
      .selectFrom("problems")
      .select(["status", (eb) => eb.fn.countAll().as("n")])
      .where("station_id", "=", youyi)
      .groupBy("status")
      .execute();
    const byState = Object.fromEntries(states.map((s) => [s.status, Number(s.n)]));
    expect(Object.keys(byState).sort()).toEqual(
      ["accepted", "assigned", "confirmed", "in_progress", "rejected", "reopened", "resolved", "submitted"].sort(),
    );
    expect(await atYouyi("problems")).toBeGreaterThanOrEqual(30);
    const problems = await db.selectFrom("problems").selectAll().where("station_id", "=", youyi).execute();
    const now = t.clock.now().getTime();
    expect(
      problems.filter((p) => p.due_at && ["assigned", "in_progress", "reopened"].includes(p.status) && Date.parse(p.due_at) < now).length,
    ).toBeGreaterThan(0);
    expect(problems.filter((p) => p.status === "confirmed" && p.rating !== null).length).toBeGreaterThan(10);
    // A year back, and nothing reported after the instant the market was loaded at.
    const created = problems.map((p) => Date.parse(p.created_at));
    expect(Math.min(...created)).toBeLessThan(now - 300 * 86_400_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(now + 10 * 60_000);

    expect(await atYouyi("meetings")).toBeGreaterThanOrEqual(1);
    expect(
      await n(
        db
          .selectFrom("attendances as a")
          .innerJoin("meetings as m", "m.id", "a.meeting_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("m.station_id", "=", youyi),
      ),
    ).toBeGreaterThan(0);
    expect(await atYouyi("duty_shifts")).toBeGreaterThan(10);
    const requests = await db
      .selectFrom("service_requests")
      .select(["id", "status", "merchant_id", "resident_id", "shift_id"])
      .where("station_id", "=", youyi)
      .execute();
    expect(requests.length).toBeGreaterThanOrEqual(20);
    expect(requests.filter((r) => r.status === "done").length).toBeGreaterThan(requests.length / 2);
    expect(
      await n(
        db
          .selectFrom("service_ratings as g")
          .innerJoin("service_requests as q", "q.id", "g.request_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("q.station_id", "=", youyi),
      ),
    ).toBeGreaterThan(requests.length / 3);
    expect(await atYouyi("caring_shops")).toBeGreaterThanOrEqual(1);
    expect(await atYouyi("discount_cards")).toBeGreaterThanOrEqual(2);
    expect(
      await n(
        db
          .selectFrom("redemptions as x")
          .innerJoin("discount_cards as c", "c.id", "x.card_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("c.station_id", "=", youyi),
      ),
    ).toBeGreaterThan(0);
    expect(await atYouyi("loans")).toBeGreaterThan(5);
    expect(await atYouyi("reweighs")).toBeGreaterThan(5);

    // Nothing of 友谊's points at Tianyuan: not its station, merchants, residents, units, shifts, items or cards.
    const ours = async (table: "merchants" | "residents" | "alliance_units") =>
      new Set((await db.selectFrom(table).select("id").where("station_id", "=", youyi).execute()).map((x) => x.id));
    const merchants = await ours("merchants");
    const residents = await ours("residents");
    const units = await ours("alliance_units");
    const inside = (set: Set<number>, ids: (number | null)[]) => ids.filter((id) => id !== null && !set.has(id));
    expect(
      inside(
        units,
        problems.map((p) => p.unit_id),
      ),
    ).toEqual([]);
    expect(
      inside(
        new Set((await db.selectFrom("stalls").select("id").where("station_id", "=", youyi).execute()).map((x) => x.id)),
        problems.map((p) => p.stall_id),
      ),
    ).toEqual([]);
    expect(
      inside(
        merchants,
        requests.map((r) => r.merchant_id),
      ),
    ).toEqual([]);
    expect(
      inside(
        residents,
        requests.map((r) => r.resident_id),
      ),
    ).toEqual([]);
    const shifts = await db.selectFrom("duty_shifts").select(["id", "unit_id"]).where("station_id", "=", youyi).execute();
    expect(
      inside(
        new Set(shifts.map((s) => s.id)),
        requests.map((r) => r.shift_id),
      ),
    ).toEqual([]);
    expect(
      inside(
        units,
        shifts.map((s) => s.unit_id),
      ),
    ).toEqual([]);
    const loans = await db.selectFrom("loans").select(["merchant_id", "resident_id", "item_id"]).where("station_id", "=", youyi).execute();
    expect(
      inside(
        merchants,
        loans.map((l) => l.merchant_id),
      ),
    ).toEqual([]);
    expect(
      inside(
        residents,
        loans.map((l) => l.resident_id),
      ),
    ).toEqual([]);
    const weighs = await db.selectFrom("reweighs").select(["merchant_id", "stall_id"]).where("station_id", "=", youyi).execute();
    expect(
      inside(
        merchants,
        weighs.map((w) => w.merchant_id),
      ),
    ).toEqual([]);
    const shops = await db.selectFrom("caring_shops").select("merchant_id").where("station_id", "=", youyi).execute();
    expect(
      inside(
        merchants,
        shops.map((s) => s.merchant_id),
      ),
    ).toEqual([]);
    const cards = await db.selectFrom("discount_cards").select("resident_id").where("station_id", "=", youyi).execute();
    expect(
      inside(
        residents,
        cards.map((c) => c.resident_id),
      ),
    ).toEqual([]);
    // …and the link tables that carry no station of their own go to 友谊's records only.
    const crossing = await n(
      db
        .selectFrom("redemptions as x")
        .innerJoin("discount_cards as c", "c.id", "x.card_id")
        .innerJoin("caring_shops as s", "s.id", "x.shop_id")
        .select((eb) => eb.fn.countAll().as("n"))
        .whereRef("c.station_id", "<>", "s.station_id"),
    );
    expect(crossing).toBe(0);
    const meetingUnits = await db
      .selectFrom("meeting_units as mu")
      .innerJoin("meetings as m", "m.id", "mu.meeting_id")
      .select("mu.unit_id")
      .where("m.station_id", "=", youyi)
      .execute();
    expect(
      inside(
        units,
        meetingUnits.map((u) => u.unit_id),
      ),
    ).toEqual([]);
    // 友谊's own units bear its own name, not Tianyuan's.
    const names = (await db.selectFrom("alliance_units").select("name").where("station_id", "=", youyi).execute()).map((u) => u.name);
    expect(names.filter((x) => x.includes("天源"))).toEqual([]);
    expect(names).toContain("友谊商圈理事会");
    // Tianyuan's own figures stay its own: its entry is apart from 友谊's.
    const entries = await db.selectFrom("audit_log").select(["station_id"]).where("action", "=", "demo.loaded").orderBy("seq").execute();
    expect(entries.map((e) => e.station_id)).toEqual([tianyuan, youyi]);
  });

  it("has every alliance unit at most of the held meetings it was invited to, signed in by itself or by the staff", async () => {
    const db = t.database.db;
    const rows = await db
      .selectFrom("meeting_units as mu")
      .innerJoin("meetings as m", "m.id", "mu.meeting_id")
      .innerJoin("org_units as o", "o.id", "m.station_id")
      .select([
        "mu.unit_id",
        (eb) => eb.fn.countAll<number>().as("invited"),
        (eb) =>
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(
                  eb.exists(
                    eb
                      .selectFrom("attendances as a")
                      .select("a.id")
                      .whereRef("a.meeting_id", "=", "m.id")
                      .whereRef("a.unit_id", "=", "mu.unit_id"),
                  ),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as("attended"),
      ])
      .where("o.name", "=", "天源市场党群服务站")
      .where("m.status", "=", "held")
      .groupBy("mu.unit_id")
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) expect(Number(r.attended) / Number(r.invited)).toBeGreaterThanOrEqual(0.5);
    // Not every one every time: some were absent.
    expect(rows.some((r) => Number(r.attended) < Number(r.invited))).toBe(true);
    const staffTaken = await db
      .selectFrom("attendances as a")
      .innerJoin("meetings as m", "m.id", "a.meeting_id")
      .innerJoin("org_units as o", "o.id", "m.station_id")
      .innerJoin("alliance_units as u", "u.id", "a.unit_id")
      .select(["a.name", "u.contact_name"])
      .where("o.name", "=", "天源市场党群服务站")
      .where("a.method", "=", "staff")
      .execute();
    expect(staffTaken.length).toBeGreaterThan(0);
    // Signed in by name: the unit's contact.
    expect(staffTaken.filter((a) => !a.name || !String(a.contact_name).startsWith(`${a.name}（`))).toEqual([]);
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

  it("keeps the stage's bookings clear of the night market's opening hours, as the stage's own rule does", async () => {
    const db = t.database.db;
    const seasons = await db.selectFrom("night_market_seasons").selectAll().where("status", "!=", "draft").execute();
    expect(seasons.length).toBeGreaterThan(0);
    const bookings = await db
      .selectFrom("stage_bookings")
      .select(["starts_at", "ends_at", "title"])
      .where("status", "in", ["requested", "approved"])
      .execute();
    const clashes = bookings.filter((b) =>
      seasons.some((s) => windowsBetween(calendarOf(s), new Date(b.starts_at), new Date(b.ends_at)).length > 0),
    );
    expect(clashes).toEqual([]);
  });
});
