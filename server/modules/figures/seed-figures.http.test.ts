// The Tianyuan demo's figures for the last twelve months reproduce the seed report's (the acceptance report of the
// "Colorful Tianyuan · Dandelion" station), each computed from records by the dictionary; and the modules' own
// figure pages give the same values as the dictionary for the figures they show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, stationDate } from "../../../contracts/calendar.ts";
import type { FigureRecord, FigureValue } from "../../../contracts/figures.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the seed report's figures from the demo's records (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let values: Map<string, FigureValue>;
  let stationId: number;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const res = await t.as(staff, { method: "GET", url: "/api/figures/values?period=last12" });
    expect(res.statusCode, res.body).toBe(200);
    values = new Map((res.json() as FigureValue[]).map((v) => [v.id, v]));
    stationId = Number(values.get("counter.service_items")?.citation.scope.split(":")[1]);
  });
  afterAll(() => t.close());

  const v = (id: string) => {
    const x = values.get(id);
    expect(x, id).toBeDefined();
    return x?.value ?? null;
  };
  const records = async (id: string) =>
    (await t.as(staff, { method: "GET", url: `/api/figures/${id}/records?period=last12&pageSize=200` })).json().items as FigureRecord[];

  it("§一 the branch, the alliance and the policies: 9 / 5 / 2; 47 shops and 2.09 M; 109 merchants and 284 k; 129, none closed", () => {
    expect([v("party.applicants"), v("party.activists"), v("party.candidates")]).toEqual([9, 5, 2]);
    expect(v("economy.loans_count")).toBe(47);
    expect(v("economy.loans_fen")).toBe(209_000_000);
    expect(v("economy.relief_merchants")).toBe(109);
    expect(v("economy.relief_fen")).toBe(28_400_000);
    expect(v("economy.merchants")).toBe(129);
    expect(v("economy.closed_by_epidemic")).toBe(0);
    expect(v("alliance.units")).toBeGreaterThanOrEqual(7);
    expect(v("alliance.joint_meetings")).toBeGreaterThan(0);
  });

  it("§二 the station: 100 k + 100 k; 32 items; 89 enterprises and 3.705 M; the Red Shield twice a month", async () => {
    expect(v("economy.station_funding_fen")).toBe(20_000_000);
    expect((await records("economy.station_funding_fen")).map((r) => r.amount)).toEqual([10_000_000, 10_000_000]);
    expect(v("counter.service_items")).toBe(32);
    expect(v("economy.enterprises")).toBe(89);
    expect(v("economy.directed_fen")).toBe(370_500_000);
    expect(v("duty.red_shield_sessions")).toBeGreaterThanOrEqual(20);
  });

  it("§三 the platforms: 31 council problems solved; +3,500 and +175 k; 470 k for the stage and its teams; the caring shops", () => {
    expect(v("problems.council_solved")).toBe(31);
    expect(v("meetings.council_meetings")).toBeGreaterThanOrEqual(11);
    expect(v("events.promotion_visits_uplift")).toBe(3_500);
    expect(v("events.promotion_takings_uplift_fen")).toBe(17_500_000);
    expect(v("economy.stage_funding_fen")).toBe(47_000_000);
    expect(v("events.stage_teams")).toBeGreaterThanOrEqual(2);
    expect(v("events.stage_performances")).toBeGreaterThan(0);
    expect(v("caring.shops")).toBeGreaterThan(0);
    expect(v("caring.cards_issued")).toBeGreaterThan(0);
  });

  it("§四 the calling cards: the 16th and the 28th held; the teams; 5 restaurants; ~1,500 a night, 80–100 k, 14 jobs, 1.8 M; 10+ events", async () => {
    const today = stationDate(new Date(process.env.TEST_NOW ?? Date.now()));
    const from = addDays(addMonths(today, -12), 1);
    let due = 0;
    for (let d = from; d < today; d = addDays(d, 1)) if (d.endsWith("-16") || d.endsWith("-28")) due++;
    const held = v("volunteers.activity_days_held") ?? 0;
    expect(held === due || held === due + 1, `${held} of ${due}`).toBe(true);
    expect(v("volunteers.teams")).toBeGreaterThanOrEqual(4);
    expect(v("caring.meal_restaurants")).toBe(5);
    const visitors = v("night_market.visitors_per_night") ?? 0;
    expect(visitors).toBeGreaterThan(1_300);
    expect(visitors).toBeLessThan(1_700);
    const turnover = v("night_market.turnover_per_night_fen") ?? 0;
    expect(turnover).toBeGreaterThanOrEqual(8_000_000);
    expect(turnover).toBeLessThanOrEqual(10_000_000);
    expect(v("night_market.jobs")).toBe(14);
    expect(v("economy.night_market_funding_fen")).toBe(180_000_000);
    expect(v("events.culture_events")).toBeGreaterThanOrEqual(10);
    expect(v("events.environment_rounds")).toBeGreaterThan(0);
  });

  it("gives the modules' figure pages the dictionary's values", async () => {
    const shuji = await t.login("shuji");
    const get = async (url: string, as = staff) => {
      const res = await t.as(as, { method: "GET", url });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json();
    };
    const events = await get(`/api/event-figures?stationId=${stationId}`);
    expect(events.promotions.visitsUplift).toBe(v("events.promotion_visits_uplift"));
    expect(events.promotions.takingsUpliftFen).toBe(v("events.promotion_takings_uplift_fen"));
    expect(events.stage.teams.length).toBe(v("events.stage_teams"));
    expect(events.stage.performances).toBe(v("events.stage_performances"));
    expect(events.environment.roundsTotal).toBe(v("events.environment_rounds"));

    const night = await get(`/api/night-market-figures?stationId=${stationId}`);
    expect(night.currentJobs.value).toBe(v("night_market.jobs"));
    const nights = await records("night_market.visitors_per_night");
    if (nights.length === night.nights) {
      expect(night.visitorsPerNight.value).toBeCloseTo(v("night_market.visitors_per_night") ?? 0, 0);
      expect(night.turnoverPerNight.averageFen).toBe(Math.round(v("night_market.turnover_per_night_fen") ?? 0));
    }

    const funnel = await get(`/api/party/funnel?orgUnitId=${stationId}`, shuji);
    expect([funnel.everApplied, funnel.everActivists, funnel.everCandidates]).toEqual([
      v("party.applicants"),
      v("party.activists"),
      v("party.candidates"),
    ]);

    const caring = await get(`/api/caring/figures?stationId=${stationId}`);
    expect(caring.caringRestaurants).toBe(v("caring.meal_restaurants"));

    const c = values.get("volunteers.activity_days_held")?.citation;
    const volunteers = await get(`/api/volunteer-figures?stationId=${stationId}&from=${c?.from}&to=${c?.to}`);
    const held = volunteers.activityDays.months
      .flatMap((m: { days: { held: boolean }[] }) => m.days)
      .filter((d: { held: boolean }) => d.held);
    expect(held.length).toBe(v("volunteers.activity_days_held"));
    expect(volunteers.hoursByMonth.minutes).toBe(v("volunteers.hours"));
  });

  it("exports the values with their citations as a workbook", async () => {
    const res = await t.as(staff, { method: "GET", url: "/api/figures/export?period=last12&part=1" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
