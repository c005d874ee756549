// The night market's opening windows as another module (the stage's events) asks for them: no HTTP, the service
// itself on a database with the demo's summer season.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationInstant } from "../../../contracts/calendar.ts";
import { FilesService } from "../../platform/files.ts";
import { logGateway, Notifier } from "../../platform/notify.ts";
import { createTestDatabase, dialectName, type TestDatabase } from "../../test/helpers.ts";
import { ProblemsService } from "../problems/problems.service.ts";
import { NightMarketService } from "./night-market.service.ts";

describe(`openingsBetween (${dialectName})`, () => {
  let t: TestDatabase;
  let market: NightMarketService;
  let stationId: number;
  let season: { starts_on: string; ends_on: string; closed_nights: string; name: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    const silent = { info() {}, warn() {}, error() {} };
    const files = new FilesService(db, t.clock);
    const notifier = new Notifier(logGateway(silent), silent, t.clock);
    market = new NightMarketService(db, t.vault, t.clock, {
      problems: new ProblemsService(db, t.vault, files, notifier, t.clock),
      files,
      notifier,
    });
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    season = await db
      .selectFrom("night_market_seasons")
      .select(["starts_on", "ends_on", "closed_nights", "name"])
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.drop());

  it("answers one window a night (UTC ISO, past midnight included) over the range", async () => {
    const from = stationInstant(season.starts_on, "00:00").toISOString();
    const to = stationInstant(season.starts_on, "00:00");
    to.setUTCDate(to.getUTCDate() + 7);
    const windows = await market.openingsBetween(stationId, from, to.toISOString());
    expect(windows).toHaveLength(7);
    expect(windows[0]).toEqual({
      start: stationInstant(season.starts_on, "19:30").toISOString(),
      end: new Date(stationInstant(season.starts_on, "00:30").getTime() + 86_400_000).toISOString(),
      label: `${season.name} ${season.starts_on}`,
    });
    for (const w of windows) expect(Date.parse(w.end)).toBeGreaterThan(Date.parse(w.start));
  });

  it("leaves out the closed nights and counts the season's nights", async () => {
    const closed = JSON.parse(season.closed_nights) as string[];
    const all = await market.openingsBetween(
      stationId,
      stationInstant(season.starts_on, "00:00").toISOString(),
      stationInstant(season.ends_on, "23:59").toISOString(),
    );
    expect(all.length).toBeGreaterThanOrEqual(85);
    for (const night of closed) expect(all.some((w) => w.label.endsWith(night))).toBe(false);
  });

  it("includes a window that began before the range and is still open", async () => {
    const midnight = new Date(stationInstant(season.starts_on, "00:00").getTime() + 86_400_000); // 00:00 after the first night
    const windows = await market.openingsBetween(stationId, midnight.toISOString(), new Date(midnight.getTime() + 3_600_000).toISOString());
    expect(windows.map((w) => w.label)).toEqual([`${season.name} ${season.starts_on}`]);
  });

  it("answers nothing outside a season, for another station, or for a range that is not one", async () => {
    expect(await market.openingsBetween(stationId, "2000-01-01T00:00:00.000Z", "2000-02-01T00:00:00.000Z")).toEqual([]);
    expect(
      await market.openingsBetween(
        stationId + 999,
        stationInstant(season.starts_on, "00:00").toISOString(),
        stationInstant(season.ends_on, "00:00").toISOString(),
      ),
    ).toEqual([]);
    expect(
      await market.openingsBetween(
        stationId,
        stationInstant(season.ends_on, "00:00").toISOString(),
        stationInstant(season.starts_on, "00:00").toISOString(),
      ),
    ).toEqual([]);
    expect(await market.openingsBetween(stationId, "not a date", "2026-01-01T00:00:00.000Z")).toEqual([]);
  });
});
