// The caring-scheme step on top of the district (bench/generate.ts): in the writer's station (so the listed
// station stays as generated) one merchant certified as a caring supermarket (rate 850 ‰), its operator account
// `bench_shop`, and HOLDERS residents of that station holding an active discount card without caps (valid from
// a month ago for a year), each with its own random qr_secret. The shop account (created last) marks a
// complete set; rerunning reuses it.
//
//   node bench/generate-caring.ts [--file bench/results/district.db] [--pg [URL]] [--pg-only]
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { BENCH_SHOP, BENCH_WRITER, describe, open, type Target } from "./common.ts";
import { generate, targetsFromArgs } from "./generate.ts";

export const HOLDERS = 1000;
const DAY_MS = 86_400_000;

export interface CaringResult {
  reused: boolean;
  seconds: number;
  shopId: number;
  holders: number;
}

const localDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export async function generateCaring(target: Target, opts: { log?: (s: string) => void } = {}): Promise<CaringResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await generate(target, { log });
  const started = performance.now();
  const database = open(target);
  const db = database.db;
  try {
    const existing = await db
      .selectFrom("users as u")
      .innerJoin("caring_shops as s", "s.merchant_id", "u.merchant_id")
      .select(["s.id", "s.station_id"])
      .where("u.username", "=", BENCH_SHOP)
      .executeTakeFirst();
    if (existing) {
      const n = await db
        .selectFrom("discount_cards")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("station_id", "=", existing.station_id)
        .where("status", "=", "active")
        .executeTakeFirstOrThrow();
      log(`${describe(target)}: reusing the caring shop ${existing.id} and ${n.n} card holders`);
      return { reused: true, seconds: 0, shopId: existing.id, holders: Number(n.n) };
    }
    const writer = await db.selectFrom("users").select("org_unit_id").where("username", "=", BENCH_WRITER).executeTakeFirstOrThrow();
    const stationId = writer.org_unit_id;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = Date.now();
    const stamp = new Date(now).toISOString();
    const today = localDate(now);
    const result = await db.transaction().execute(async (trx) => {
      // A supermarket of the station not yet in the scheme (a rerun after a partial one finds none certified).
      const merchant = await trx
        .selectFrom("merchants")
        .select(["id", "operator_name"])
        .where("station_id", "=", stationId)
        .where("category", "=", "supermarket")
        .where("id", "not in", trx.selectFrom("caring_shops").select("merchant_id"))
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const shop = await trx
        .insertInto("caring_shops")
        .values({
          station_id: stationId,
          merchant_id: merchant.id,
          category: "supermarket",
          status: "certified",
          discount_rate_permille: 850,
          plaque_date: localDate(now - 90 * DAY_MS),
          certified_at: new Date(now - 90 * DAY_MS).toISOString(),
          review_due: localDate(now + 275 * DAY_MS),
          created_at: stamp,
          updated_at: stamp,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const residents = await trx
        .selectFrom("residents")
        .select("id")
        .where("station_id", "=", stationId)
        .where("id", "not in", trx.selectFrom("discount_cards").select("resident_id"))
        .orderBy("id")
        .limit(HOLDERS)
        .execute();
      const cards = residents.map((r, i) => ({
        station_id: stationId,
        card_no: `DC${today.slice(0, 4)}-B${String(shop.id).padStart(3, "0")}${String(i).padStart(5, "0")}`,
        resident_id: r.id,
        round_id: null,
        category: "civilised_resident" as const,
        valid_from: localDate(now - 30 * DAY_MS),
        valid_to: localDate(now + 335 * DAY_MS),
        status: "active" as const,
        monthly_cap_fen: null,
        monthly_cap_uses: null,
        pin_hash: null,
        qr_secret: randomBytes(32).toString("base64url"),
        revoked_reason: null,
        created_at: stamp,
        updated_at: stamp,
      }));
      for (let i = 0; i < cards.length; i += 500)
        await trx
          .insertInto("discount_cards")
          .values(cards.slice(i, i + 500))
          .execute();
      await trx
        .insertInto("users")
        .values({
          username: BENCH_SHOP,
          display_name: `${merchant.operator_name}（爱心超市）`,
          password_hash: passwordHash,
          role: "merchant",
          org_unit_id: stationId,
          alliance_unit_id: null,
          merchant_id: merchant.id,
          resident_id: null,
          mobile_enc: null,
          mobile_hash: null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: stamp,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      return { shopId: shop.id, holders: cards.length };
    });
    const seconds = (performance.now() - started) / 1000;
    log(`${describe(target)}: caring shop ${result.shopId} with ${result.holders} card holders in ${seconds.toFixed(1)} s`);
    return { reused: false, seconds, ...result };
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  for (const target of targetsFromArgs(process.argv.slice(2))) await generateCaring(target);
}
