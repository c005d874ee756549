// The governance-loop data set on top of the district (bench/generate.ts): 5,000 problems per station,
// 1,000,000 in all, with Chinese titles and descriptions built from word pools ("{place}{thing}{fault}"),
// categories from problem_categories, statuses mostly confirmed (some still open), created over the last two
// years, most assigned to one of the station's alliance units; a quarter carry an encrypted reporter phone
// (walk-ins and phone calls), exactly as createProblemRecord stores it.
//
// Rows go straight into `problems` with Kysely, 1,000 a statement, one transaction per station. Their codes
// are `B<station>-<n>` (never the app's `P<yyyymmdd>-<id>`). No problem_events rows: the list and submission
// scenarios do not read them. Resumable: a station whose last code exists is skipped, and the reporter
// account (created last) marks a complete set. `--fresh-problems` deletes the B-coded rows and rebuilds them;
// `--fresh` rebuilds the whole district first (bench/generate.ts).
//
//   node bench/generate-problems.ts [--fresh | --fresh-problems] [--file bench/results/district.db] [--pg [URL]]
import { type Kysely, sql } from "kysely";
import { seeded } from "../demo/random.ts";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import type { DB } from "../server/db/tables.ts";
import { ensureDefaultCategories } from "../server/modules/problems/problems.repository.ts";
import { createVault } from "../server/platform/crypto.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { BENCH_REPORTER, BENCH_SECRET, BENCH_WRITER, describe, open, type Target } from "./common.ts";
import { generate, targetsFromArgs } from "./generate.ts";

export const PROBLEMS_PER_STATION = 5000;
/** The station with ten years of problems (bench/generate-decade.ts); not one of the district's 200. */
export const DECADE_STATION_CODE = "BENCH-DECADE";
const BATCH = 1000;
const DAY_MS = 86_400_000;

// ---- word pools

const places = [
  "北门",
  "南门",
  "东大门",
  "西侧通道",
  "果蔬区",
  "肉类区",
  "水产区",
  "干货区",
  "熟食区",
  "A区",
  "B区",
  "C区",
  "D区",
  "二楼",
  "地下车库",
  "停车场",
  "公共卫生间",
  "消防通道",
  "垃圾站",
  "办公楼",
  "夜市区",
  "装卸区",
];
const things = [
  "水龙头",
  "路灯",
  "井盖",
  "下水道",
  "屋顶",
  "电线",
  "卷帘门",
  "地砖",
  "排水沟",
  "监控探头",
  "灭火器",
  "电子秤",
  "招牌",
  "冷库",
  "楼梯扶手",
  "遮阳棚",
  "配电箱",
  "垃圾桶",
];
const faults = ["漏水", "损坏", "松动", "堵塞", "老化", "缺失", "失灵", "破裂", "积水", "异味", "脱落", "故障"];
const starts = ["今天早上", "昨天晚上", "近几天", "上周", "连续多日", "下雨后", "开市时", "收摊后"];
const impacts = [
  "影响顾客通行",
  "商户无法正常经营",
  "存在安全隐患",
  "夏季气味很大",
  "老人小孩容易摔倒",
  "送货车辆进出困难",
  "夜间购物不安全",
  "多位商户反映",
];
const requests = ["希望尽快维修", "请物业派人处理", "建议更换新的", "请相关部门协调解决", "希望加强巡查", "请尽快清理"];
const resolutions = ["已派人维修完毕", "已更换新件并试用正常", "已清理疏通", "已协调物业处理", "已加固并增设警示标识"];
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
const given = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "建华",
  "玉兰",
];

const sources = [
  ["merchant", 0.35],
  ["resident", 0.25],
  ["walk_in", 0.15],
  ["phone", 0.1],
  ["grid_worker", 0.1],
  ["council", 0.05],
] as const;
const statuses = [
  ["confirmed", 0.7],
  ["resolved", 0.08],
  ["rejected", 0.03],
  ["in_progress", 0.05],
  ["assigned", 0.05],
  ["accepted", 0.03],
  ["submitted", 0.04],
  ["reopened", 0.02],
] as const;
const withUnit = new Set(["confirmed", "resolved", "in_progress", "assigned", "reopened"]);

function weighted<T extends string>(r: ReturnType<typeof seeded>, items: readonly (readonly [T, number])[]): T {
  let x = r.next();
  for (const [v, p] of items) {
    x -= p;
    if (x < 0) return v;
  }
  return items[items.length - 1][0];
}

export interface ProblemsResult {
  reused: boolean;
  seconds: number;
  stations: number;
  problems: number;
}

async function complete(db: Kysely<DB>) {
  return Boolean(await db.selectFrom("users").select("id").where("username", "=", BENCH_REPORTER).executeTakeFirst());
}

/**
 * Inserts `count` problems of one station, created over the last `spanDays` days with ascending ids, coded
 * `<prefix>-1` … `<prefix>-<count>`, 1,000 rows a statement in one transaction. Answers how many it wrote.
 */
export async function insertStationProblems(
  db: Kysely<DB>,
  vault: ReturnType<typeof createVault>,
  categories: { code: string; time_limit_days: number }[],
  stationId: number,
  prefix: string,
  seed: number,
  count: number,
  spanDays: number,
  now: number,
): Promise<number> {
  const span = spanDays * DAY_MS;
  const s = seed % 1000; // the phone numbers as the district's stations always had them
  const units = (await db.selectFrom("alliance_units").select("id").where("station_id", "=", stationId).orderBy("id").execute()).map(
    (u) => u.id,
  );
  const stalls = (await db.selectFrom("stalls").select("id").where("station_id", "=", stationId).orderBy("id").execute()).map((u) => u.id);
  const r = seeded(seed);
  // Creation instants spread over the span, ascending with n (so ids follow time, as in real use).
  const times: number[] = [];
  for (let n = 0; n < count; n++) times.push(now - span + r.next() * (span - 3600_000));
  times.sort((a, b) => a - b);
  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    for (let from = 0; from < count; from += BATCH) {
      const values = [];
      for (let n = from; n < Math.min(from + BATCH, count); n++) {
        const place = r.pick(places);
        const thing = r.pick(things);
        const fault = r.pick(faults);
        const category = r.pick(categories);
        const source = weighted(r, sources);
        const status = weighted(r, statuses);
        const created = times[n];
        const createdAt = new Date(created).toISOString();
        const unitId = withUnit.has(status) && units.length && r.chance(0.9) ? r.pick(units) : null;
        const dueAt = unitId ? new Date(created + (category.time_limit_days + 1) * DAY_MS).toISOString() : null;
        const closed = status === "resolved" || status === "confirmed";
        const resolvedMs = closed ? Math.min(created + r.int(1, category.time_limit_days + 3) * DAY_MS, now - 60_000) : null;
        const updatedMs = resolvedMs ?? Math.min(created + r.int(0, 2) * DAY_MS, now - 60_000);
        const staffEntered = source === "walk_in" || source === "phone";
        const name = `${r.pick([...surnames])}${r.pick(given)}`;
        values.push({
          station_id: stationId,
          code: `${prefix}-${n + 1}`,
          title: `${place}${thing}${fault}`,
          description: `${r.pick(starts)}发现${place}的${thing}${fault}，${r.pick(impacts)}，${r.pick(requests)}。`,
          category_code: category.code,
          source,
          place,
          stall_id: stalls.length && r.chance(0.3) ? r.pick(stalls) : null,
          reporter_user_id: null,
          reporter_name: source === "council" || source === "grid_worker" ? null : name,
          reporter_phone_enc: staffEntered ? vault.encrypt(`13${String(900_000_000 + s * 10_000 + n).slice(0, 9)}`) : null,
          status,
          unit_id: unitId,
          due_at: dueAt,
          escalated_meeting_id: null,
          rating: status === "confirmed" ? r.int(3, 5) : null,
          rating_comment: status === "confirmed" && r.chance(0.3) ? "处理及时，满意" : null,
          resolution: closed ? r.pick(resolutions) : null,
          resolved_at: resolvedMs === null ? null : new Date(resolvedMs).toISOString(),
          created_at: createdAt,
          updated_at: new Date(updatedMs).toISOString(),
        });
      }
      await trx.insertInto("problems").values(values).execute();
      inserted += values.length;
    }
  });
  return inserted;
}

/** Adds the problems to the district (generating the district first if needed). */
export async function generateProblems(
  target: Target,
  opts: { fresh?: boolean; freshProblems?: boolean; log?: (s: string) => void } = {},
): Promise<ProblemsResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await generate(target, { fresh: opts.fresh, log });
  const database = open(target);
  const db = database.db;
  try {
    if (opts.freshProblems) {
      log(`${describe(target)}: deleting the generated problems`);
      // The ten-year station's problems are B-coded too (BD-…): its step is done again after this one.
      await db.deleteFrom("users").where("username", "in", [BENCH_REPORTER, "bench_staff_decade"]).execute();
      await db.deleteFrom("problems").where("code", "like", "B%").execute();
    }
    if (await complete(db)) {
      const n = await db
        .selectFrom("problems")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      log(`${describe(target)}: reusing the existing problems (${Number(n.n)} rows)`);
      return { reused: true, seconds: 0, stations: 0, problems: Number(n.n) };
    }

    await ensureDefaultCategories(db, new Date());
    const categories = await db.selectFrom("problem_categories").select(["code", "time_limit_days"]).orderBy("id").execute();
    const stations = await db
      .selectFrom("org_units")
      .select("id")
      .where("kind", "=", "station")
      .where("code", "!=", DECADE_STATION_CODE)
      .orderBy("id")
      .execute();
    const vault = createVault(BENCH_SECRET);
    const started = performance.now();
    const now = Date.now();
    let inserted = 0;
    log(`${describe(target)}: generating ${PROBLEMS_PER_STATION * stations.length} problems…`);

    for (const [i, station] of stations.entries()) {
      const s = i + 1;
      const done = await db.selectFrom("problems").select("id").where("code", "=", `B${s}-${PROBLEMS_PER_STATION}`).executeTakeFirst();
      if (done) continue;
      const t0 = performance.now();
      inserted += await insertStationProblems(db, vault, categories, station.id, `B${s}`, 50_000 + s, PROBLEMS_PER_STATION, 730, now);
      if (s % 20 === 0 || s === 1) {
        const elapsed = (performance.now() - started) / 1000;
        log(
          `  station ${String(s).padStart(3)}/${stations.length}  problems ${inserted}  ` +
            `(${Math.round(performance.now() - t0)} ms for this station, ${elapsed.toFixed(1)} s so far)`,
        );
      }
    }
    const loaded = (performance.now() - started) / 1000;

    // Fresh statistics: SQLite has none until ANALYZE; PostgreSQL gets vacuum analyze.
    const a0 = performance.now();
    if (target.kind === "postgres") await sql`vacuum analyze problems`.execute(db);
    else await sql`analyze problems`.execute(db);
    const analyzed = (performance.now() - a0) / 1000;

    // The reporter last: a merchant account of the writer's station (its reports never touch the listed station).
    const writer = await db.selectFrom("users").select("org_unit_id").where("username", "=", BENCH_WRITER).executeTakeFirstOrThrow();
    const merchant = await db
      .selectFrom("merchants")
      .select(["id", "operator_name"])
      .where("station_id", "=", writer.org_unit_id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const timestamp = new Date().toISOString();
    await db
      .insertInto("users")
      .values({
        username: BENCH_REPORTER,
        display_name: merchant.operator_name,
        password_hash: await hashPassword(DEMO_PASSWORD),
        role: "merchant",
        org_unit_id: writer.org_unit_id,
        alliance_unit_id: null,
        merchant_id: merchant.id,
        resident_id: null,
        mobile_enc: null,
        mobile_hash: null,
        status: "active",
        locale: "zh-CN",
        last_login_at: null,
        password_changed_at: timestamp,
        created_at: timestamp,
        updated_at: timestamp,
      })
      .execute();
    const seconds = (performance.now() - started) / 1000;
    log(
      `${describe(target)}: ${inserted} problems in ${seconds.toFixed(1)} s ` +
        `(load ${loaded.toFixed(1)} s, ${target.kind === "postgres" ? "vacuum analyze" : "analyze"} ${analyzed.toFixed(1)} s)`,
    );
    return { reused: false, seconds, stations: stations.length, problems: inserted };
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  for (const target of targetsFromArgs(argv))
    await generateProblems(target, { fresh: argv.includes("--fresh"), freshProblems: argv.includes("--fresh-problems") });
}
