// The big screen's refresh over the district data set: p50/p99 of building the district's screen (every figure of
// the four parts through the dictionary, the charted ones by month) and of one station's screen (with its market
// map), against the single-query ceiling of the slowest figure: that figure's records query alone over the same
// stations, measured in the same run. Also the refresh as screens make it (the token checked, the screen kept for
// 20 s per unit) and the ETag's 304.
//
//   node bench/screen-refresh.ts [--file bench/results/screen-district.db] [--pg URL] [--runs 40]
//
// The data set is the 200-station district (bench/generate.ts's SHAPE: 10 streets × 4 communities × 5 stations)
// as bench/district-compare.ts builds it for the dictionary's figures (service items, a year of completed service
// requests per station); any district data set works (bench/generate.ts's district.db too, with fewer records).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/config.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { modules } from "../server/modules/index.ts";
import { SessionStore } from "../server/platform/auth.ts";
import { systemClock } from "../server/platform/clock.ts";
import { createVault } from "../server/platform/crypto.ts";
import { createServices } from "../server/services.ts";
import { argValue, BENCH_SECRET, describe, open, RESULTS_DIR, type Target } from "./common.ts";

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, "--runs") ?? 40);
const pg = argValue(argv, "--pg");
const target: Target = pg
  ? { kind: "postgres", url: pg }
  : { kind: "sqlite", file: argValue(argv, "--file") ?? join(RESULTS_DIR, "screen-district.db") };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
async function time(n: number, fn: () => Promise<unknown>) {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { p50: +pct(ms, 50).toFixed(1), p99: +pct(ms, 99).toFixed(1), max: +Math.max(...ms).toFixed(1) };
}

const database = open(target, 10);
const db = database.db;
await migrateToLatest(db);
const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DANDELION_SECRET: BENCH_SECRET, DEMO_DATA: "false" });
const deps = { database, config, vault: createVault(BENCH_SECRET), clock: systemClock, logger: false as const };
const services = createServices(deps, new SessionStore(db, config, systemClock));
services.figures.register(modules.flatMap((m) => m.figures?.(db, services) ?? []));

// The district with the most stations, and its first station.
const districts = await db.selectFrom("org_units").select(["id", "path", "name"]).where("kind", "=", "district").execute();
let best = { id: 0, name: "", stations: [] as number[] };
for (const d of districts) {
  const s = await services.figures.resolve(d.id, "district");
  if (s.stations.length > best.stations.length) best = { id: d.id, name: d.name, stations: s.stations.map((x) => x.id) };
}
const district = await services.figures.resolve(best.id, "district");
const station = await services.figures.resolve(best.stations[0], "station");
const figures = services.figures.definitions().filter((d) => d.part !== null);
console.log(`${describe(target)}: ${district.name}, ${district.stations.length} stations; ${figures.length} figures on the screen`);

// The ceiling: each figure's records query alone over the district; the slowest one, timed like the screen.
const period = services.figures.period("last12");
const now = new Date();
const single: Record<string, number> = {};
for (const d of figures.filter((f) => f.scopes.includes("district"))) {
  const t0 = performance.now();
  const rows = await services.figures.recordsOf(services.figures.definition(d.id), district, period, now);
  single[d.id] = performance.now() - t0;
  console.log(`  ${d.id}: ${rows.length} records, ${single[d.id].toFixed(1)} ms`);
}
const slowest = Object.entries(single).sort((a, b) => b[1] - a[1])[0]?.[0];
const ceiling = slowest
  ? await time(runs, () => services.figures.recordsOf(services.figures.definition(slowest), district, period, now))
  : null;
const districtScreen = await time(runs, () => services.screen.build(district.unitId, "district"));
const stationScreen = await time(runs, () => services.screen.build(station.unitId, "station"));

// As screens refresh: a token, the cache, the 304 (through the HTTP route).
const { buildApp } = await import("../server/app.ts");
const app = await buildApp({ ...deps, config: loadConfig({ ...config, RATE_LIMIT_ALLOW: "127.0.0.1" } as never) });
const created = await services.screen.create(
  {
    id: 0,
    username: "bench",
    displayName: "bench",
    role: "platform_admin",
    orgUnitId: best.id,
    orgPath: "",
    allianceUnitId: null,
    merchantId: null,
    residentId: null,
    locale: "zh-CN",
    sessionId: "",
    csrfToken: "",
    stationIds: null,
  },
  { userId: null, name: "bench", role: null, ip: null },
  { label: "bench", scope: `district:${best.id}` },
);
const get = (etag?: string) =>
  app.inject({
    method: "GET",
    url: "/api/public/screen",
    headers: { authorization: `Kiosk ${created.token}`, ...(etag ? { "if-none-match": etag } : {}) },
    remoteAddress: "127.0.0.1",
  });
const first = await get();
const etag = first.headers.etag as string;
const cached = await time(runs, () => get());
const notModified = await time(runs, () => get(etag));
await app.close();

const result = {
  target: describe(target),
  at: new Date().toISOString(),
  stations: district.stations.length,
  figures: figures.length,
  runs,
  slowestFigure: slowest ?? null,
  ceilingMs: ceiling,
  districtScreenMs: districtScreen,
  stationScreenMs: stationScreen,
  httpCachedMs: cached,
  http304Ms: notModified,
  responseBytes: first.body.length,
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(join(RESULTS_DIR, `screen-refresh-${result.at.replace(/[:.]/g, "-")}.json`), JSON.stringify(result, null, 2));
await database.close();
