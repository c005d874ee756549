// The process under load: the real app (buildApp, exactly as main.ts builds it, logger off) and, in the same
// process over the same database handle, a second bare Fastify instance with the comparison routes:
//   GET  /bench/bare    { ok: true } — the Fastify floor
//   GET  /bench/query   the merchants repository's list query for one station, nothing else — the query ceiling
//   POST /bench/insert  one merchant row in one transaction, nothing else — the insert ceiling (into the
//                       writer's station, not the listed one)
//   GET  /bench/pquery  ProblemsRepository.list with the filter ProblemsService.list builds for the listing staff
//                       account (q, status, page 1 × 20) — the problems query ceiling
//   GET  /bench/pbare?status= bare Fastify + one prepared `select … from problems where station_id = ? and status = ? order by id
//                       limit 20` on the driver itself (no session, no zod, no Kysely) — the bare status list
//   POST /bench/pinsert one problem row (ProblemsRepository.insert: the row, then its code) in one transaction,
//                       nothing else — the problems insert ceiling (into the writer's station)
//   POST /bench/present?n= n fresh card presentations (rows in card_presentations, valid 15 minutes) for the caring
//                       shop's card holders, round-robin over the cards; answers their signed tokens, which the
//                       runner hands out one per POST /api/caring/redemptions (bench/generate-caring.ts)
//   POST /bench/rinsert one redemption row in one transaction, nothing else — the redemption insert ceiling (the
//                       card's running month is not raised: the bench's cards have no caps)
//   GET  /bench/voccurrences the coming occurrences of the sign-up team (bench/generate-volunteers.ts), in order
//   POST /bench/vclear  removes every sign-up of those occurrences (so a run signs up afresh)
//   POST /bench/vinsert one sign-up row in one transaction, nothing else — the sign-up insert ceiling
//   GET  /bench/vfquery the hours the figures add up over the whole district for their default twelve months:
//                       VolunteerReportsRepository.countedTotals by team, month and volunteer and countedIds — the
//                       figures' query ceiling
// Started by bench/run.ts as a child (so autocannon does not share this event loop); it reports its ports
// over IPC and exits on "stop" or when the parent goes away.

import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import { sql } from "kysely";
import pg from "pg";
import type { ProblemStatus } from "../contracts/problems.ts";
import { makeCreditCode, makeMobile } from "../demo/identifiers.ts";
import { seeded } from "../demo/random.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { presentationToken } from "../server/modules/caring/redemption.workflow.ts";
import { MerchantsRepository } from "../server/modules/merchants/merchants.repository.ts";
import { ProblemsRepository } from "../server/modules/problems/problems.repository.ts";
import { VolunteerReportsRepository } from "../server/modules/volunteers/volunteer-reports.repository.ts";
import { systemClock } from "../server/platform/clock.ts";
import { createVault } from "../server/platform/crypto.ts";
import { BENCH_SECRET, BENCH_SHOP, BENCH_STAFF, BENCH_WRITER, open, type Target } from "./common.ts";
import { benchVolunteer, SIGNUP_SERIES_TITLE } from "./generate-volunteers.ts";

export interface ServerReady {
  appPort: number;
  barePort: number;
  stationId: number;
  /** Serial base for credit codes of merchants the runner creates through the real endpoint. */
  createSerialBase: number;
}

const target = JSON.parse(process.env.BENCH_TARGET ?? "") as Target;
const database = open(target, Number(process.env.BENCH_POOL_SIZE ?? 10));
const config = loadConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  DANDELION_SECRET: BENCH_SECRET,
  DEMO_DATA: "false",
  // The runner signs in dozens of accounts a minute from the loopback (docs/performance.md): never limited.
  RATE_LIMIT_ALLOW: "127.0.0.1,::1,::ffff:127.0.0.1",
});
const vault = createVault(BENCH_SECRET);
const db = database.db;
// A data set generated before the latest migrations (`--skip-generate`) is brought up to date first, as `npm start` does.
await migrateToLatest(db);

const staff = await db.selectFrom("users").select("org_unit_id").where("username", "=", BENCH_STAFF).executeTakeFirstOrThrow();
const stationId = staff.org_unit_id;
// Writes go to another station (the writer's), so inserts never change what the list scenarios read.
const writer = await db.selectFrom("users").select("org_unit_id").where("username", "=", BENCH_WRITER).executeTakeFirstOrThrow();
const writeStationId = writer.org_unit_id;
const maxId = Number(
  (
    await db
      .selectFrom("merchants")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow()
  ).m ?? 0,
);

const closers: (() => Promise<void>)[] = [];
const app = await buildApp({ database, config, vault, clock: systemClock, logger: false });

const bare = Fastify({ logger: false });
const repo = new MerchantsRepository(db);
bare.get("/bench/bare", async () => ({ ok: true }));
bare.get<{ Querystring: { q?: string } }>("/bench/query", async (request) => {
  // What GET /api/merchants?q=…&page=1&pageSize=20 asks of the repository for a one-station account.
  const { rows, total } = await repo.list(
    { stationIds: [stationId], q: request.query.q || undefined, category: undefined, status: undefined, isPartyMember: undefined },
    { limit: 20, offset: 0, sort: undefined, order: "asc" },
  );
  return { items: rows, total };
});
let insertSerial = 600_000_000 + maxId;
const r = seeded(4242);
bare.post("/bench/insert", async (_request, reply) => {
  const serial = insertSerial++;
  const mobile = makeMobile(r, serial);
  const now = new Date().toISOString();
  const id = await db.transaction().execute((trx) =>
    repo.insert(trx, {
      station_id: writeStationId,
      name: `压测商户${serial}`,
      category: "other",
      operator_name: "压测",
      mobile_enc: vault.encrypt(mobile),
      mobile_hash: vault.blindIndex(mobile),
      credit_code: makeCreditCode(serial),
      licence_valid_from: null,
      licence_valid_to: null,
      status: "open",
      is_party_member: 0,
      note: null,
      created_at: now,
      updated_at: now,
    }),
  );
  return reply.code(201).send({ id });
});

const problems = new ProblemsRepository(db);
bare.get<{ Querystring: { q?: string; status?: ProblemStatus } }>("/bench/pquery", async (request) => {
  // Exactly what ProblemsService.list → filterOf passes for a station_staff (scope "org") asking
  // GET /api/problems?q=…&status=…&pageSize=20: its one station, no unit or reporter scope, default page and the
  // service's default order (newest first).
  const page = await problems.list(
    {
      stationIds: [stationId],
      q: request.query.q || undefined,
      status: request.query.status,
      categoryCode: undefined,
      source: undefined,
      unitId: undefined,
      overdueAt: undefined,
      from: undefined,
      to: undefined,
    },
    { limit: 20, offset: 0, sort: "createdAt", order: "desc" },
  );
  return { items: page.rows, total: page.total, totalCapped: (page as { totalCapped?: boolean }).totalCapped };
});
// The bare status list (issue 16): bare Fastify, one statement prepared once on the driver itself (node:sqlite's
// prepare; a named statement on PostgreSQL, planned once per connection), no session, no zod, no joins. It lists the
// listed station's problems by status: `where status = ? order by id` over all million rows has no index in that
// order (SQLite then sorts the 700,000 confirmed ones: 4 req/s), while (station_id, status, id) answers this one.
const bareStatusSql = (p: (n: number) => string) =>
  `select id, code, station_id, title, description, category_code, source, place, stall_id, reporter_name, status, unit_id, due_at, ` +
  `rating, resolution, resolved_at, created_at, updated_at, version from problems where station_id = ${p(1)} and status = ${p(2)} order by id limit 20`;
let bareStatus: (status: string) => Promise<unknown[]>;
if (database.sqlite) {
  const statement = database.sqlite.prepare(bareStatusSql(() => "?"));
  bareStatus = async (status) => statement.all(stationId, status);
} else {
  const pool = new pg.Pool({ connectionString: (target as { url: string }).url, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
  const text = bareStatusSql((n) => `$${n}`);
  bareStatus = async (status) => (await pool.query({ name: "bench_bare_status", text, values: [stationId, status] })).rows;
  closers.push(() => pool.end());
}
bare.get<{ Querystring: { status?: string } }>("/bench/pbare", async (request) => ({
  items: await bareStatus(request.query.status ?? "confirmed"),
}));
const codeDate = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
// The id the row takes, then the row with its code made from it: the ceiling as the issue measured it (two
// statements in one transaction; the product's submission writes the row, its code, its first event, the audit
// entry and the notification).
const nextId =
  target.kind === "postgres"
    ? sql<number>`nextval(pg_get_serial_sequence('problems', 'id'))::integer`
    : sql<number>`coalesce((select seq from sqlite_sequence where name = 'problems'), 0) + 1`;
bare.post("/bench/pinsert", async (_request, reply) => {
  const now = new Date().toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const { id } = await trx.selectNoFrom(nextId.as("id")).executeTakeFirstOrThrow();
    const code = `P${codeDate()}-${String(id).padStart(5, "0")}`;
    return trx
      .insertInto("problems")
      .values({
        id,
        code,
        station_id: writeStationId,
        title: "北门水龙头漏水",
        description: "今天早上发现北门的水龙头漏水，影响顾客通行，希望尽快维修。",
        category_code: "facility",
        source: "merchant",
        place: "北门",
        stall_id: null,
        reporter_user_id: null,
        reporter_name: "压测",
        reporter_phone_enc: null,
        status: "submitted",
        unit_id: null,
        due_at: null,
        escalated_meeting_id: null,
        rating: null,
        rating_comment: null,
        resolution: null,
        resolved_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning(["id", "code"])
      .executeTakeFirstOrThrow();
  });
  return reply.code(201).send(created);
});

// The caring shop and its holders' cards (absent unless bench/generate-caring.ts ran).
const caringShop = await db
  .selectFrom("users as u")
  .innerJoin("caring_shops as s", "s.merchant_id", "u.merchant_id")
  .select(["s.id", "s.station_id", "s.discount_rate_permille", "u.id as user_id"])
  .where("u.username", "=", BENCH_SHOP)
  .executeTakeFirst();
const caringCards = caringShop
  ? await db
      .selectFrom("discount_cards")
      .select(["id", "qr_secret"])
      .where("station_id", "=", caringShop.station_id)
      .where("status", "=", "active")
      .where("monthly_cap_fen", "is", null)
      .where("monthly_cap_uses", "is", null)
      .orderBy("id")
      .execute()
  : [];
let presentSerial = 0;
bare.post<{ Querystring: { n?: string } }>("/bench/present", async (request, reply) => {
  if (!caringShop || caringCards.length === 0) return reply.code(409).send({ error: "run bench/generate-caring.ts first" });
  const n = Math.min(Number(request.query.n ?? 1) || 1, 200_000);
  const nowMs = Date.now();
  const created = new Date(nowMs).toISOString();
  const expires = new Date(nowMs + 15 * 60_000).toISOString();
  const tokens: string[] = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const card = caringCards[presentSerial++ % caringCards.length];
    const jti = randomBytes(18).toString("base64url");
    tokens.push(presentationToken(card.qr_secret, jti));
    rows.push({
      jti,
      card_id: card.id,
      short_code: String(100_000 + (presentSerial % 900_000)),
      expires_at: expires,
      used_at: null,
      created_at: created,
    });
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("card_presentations")
      .values(rows.slice(i, i + 1000))
      .execute();
  return reply.code(201).send({ tokens });
});
const monthNow = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
let rinsertSerial = 0;
bare.post("/bench/rinsert", async (_request, reply) => {
  if (!caringShop || caringCards.length === 0) return reply.code(409).send({ error: "run bench/generate-caring.ts first" });
  const card = caringCards[rinsertSerial++ % caringCards.length];
  const rate = caringShop.discount_rate_permille ?? 850;
  const amount = 8_800;
  const pay = Math.floor((amount * rate + 500) / 1000);
  const row = await db.transaction().execute((trx) =>
    trx
      .insertInto("redemptions")
      .values({
        card_id: card.id,
        shop_id: caringShop.id,
        operator_user_id: caringShop.user_id,
        method: "qr",
        presentation_jti: null,
        amount_fen: amount,
        discount_rate_permille: rate,
        pay_fen: pay,
        discount_fen: amount - pay,
        month: monthNow(),
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return reply.code(201).send(row);
});

// The volunteer service (absent unless bench/generate-volunteers.ts ran).
const signupOccurrences = (
  await db
    .selectFrom("volunteer_occurrences as o")
    .innerJoin("volunteer_series as s", "s.id", "o.series_id")
    .select("o.id")
    .where("s.title", "like", `${SIGNUP_SERIES_TITLE}%`)
    .orderBy("o.date")
    .orderBy("o.id")
    .execute()
).map((o) => o.id);
bare.get("/bench/voccurrences", async () => ({ ids: signupOccurrences }));
bare.post("/bench/vclear", async () => {
  if (signupOccurrences.length === 0) return { removed: 0 };
  const removed = await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("volunteer_signups").where("occurrence_id", "in", signupOccurrences).executeTakeFirst();
    await trx.updateTable("volunteer_occurrences").set({ arrivals: 0 }).where("id", "in", signupOccurrences).execute();
    return Number(r.numDeletedRows);
  });
  return { removed };
});
const ceilingVolunteer = await db
  .selectFrom("volunteers as v")
  .innerJoin("users as u", "u.id", "v.user_id")
  .innerJoin("volunteer_memberships as m", "m.volunteer_id", "v.id")
  .select(["v.id", "m.team_id"])
  .where("u.username", "=", benchVolunteer(0))
  .executeTakeFirst();
// Into the last occurrence (the runner's sign-ups reach it last, if ever), as withdrawn rows (outside the live index),
// numbered after whatever an earlier run left there.
const lastArrival = signupOccurrences.length
  ? await db
      .selectFrom("volunteer_signups")
      .select((eb) => eb.fn.max("arrival").as("m"))
      .where("occurrence_id", "=", signupOccurrences[signupOccurrences.length - 1])
      .executeTakeFirst()
  : undefined;
let vinsertArrival = Math.max(10_000_000, Number(lastArrival?.m ?? 0) + 1);
bare.post("/bench/vinsert", async (_request, reply) => {
  const occurrenceId = signupOccurrences.at(-1);
  if (!ceilingVolunteer || occurrenceId === undefined) return reply.code(409).send({ error: "run bench/generate-volunteers.ts first" });
  const now = new Date().toISOString();
  const row = await db.transaction().execute((trx) =>
    trx
      .insertInto("volunteer_signups")
      .values({
        occurrence_id: occurrenceId,
        volunteer_id: ceilingVolunteer.id,
        team_id: ceilingVolunteer.team_id,
        arrival: vinsertArrival++,
        status: "withdrawn",
        signed_up_at: now,
        withdrawn_at: now,
        checked_in_at: null,
        checked_out_at: null,
        minutes: null,
        correction_reason: null,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return reply.code(201).send(row);
});
const reports = new VolunteerReportsRepository(db);
const allStations = (await db.selectFrom("org_units").select("id").where("kind", "=", "station").orderBy("id").execute()).map((s) => s.id);
bare.get("/bench/vfquery", async () => {
  // What GET /api/volunteer-figures asks of the counted sign-ups for a district officer: every station in reach, the
  // default twelve months.
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const [y, m] = month.split("-").map(Number);
  const back = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
  const f = { stationIds: allStations, from: back, to: today, now: now.toISOString() };
  const [teams, months, volunteers, ids] = await Promise.all([
    reports.countedTotals(f, "team"),
    reports.countedTotals(f, "month"),
    reports.countedTotals(f, "volunteer"),
    reports.countedIds(f),
  ]);
  return { teams: teams.length, months: months.length, volunteers: volunteers.length, ids: ids.length };
});

const appAddress = await app.listen({ host: "127.0.0.1", port: 0 });
const bareAddress = await bare.listen({ host: "127.0.0.1", port: 0 });
const ready: ServerReady = {
  appPort: Number(new URL(appAddress).port),
  barePort: Number(new URL(bareAddress).port),
  stationId,
  createSerialBase: 800_000_000 + maxId,
};

async function stop() {
  await bare.close();
  for (const close of closers) await close();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on("message", (m) => {
  if (m === "stop") void stop();
});
process.on("disconnect", () => void stop());
process.send?.(ready);
