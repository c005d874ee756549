// The merchant file's reads (一户一档): one merchant's records across the registry and the modules that keep records
// about merchants — stalls and status history, problems reported from the merchant's stalls or account, fair-scale
// findings, the caring-shop record, Red Shield consultations, counter requests, events taken part in, night-market
// seasons. Read-only: it joins other modules'
// tables to gather one page, and writes nothing.
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/tables.ts";

export class MerchantFileRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  async merchant(id: number) {
    return this.db
      .selectFrom("merchants")
      .select([
        "id",
        "station_id",
        "name",
        "category",
        "operator_name",
        "status",
        "licence_valid_from",
        "licence_valid_to",
        "is_party_member",
        "created_at",
      ])
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async stalls(merchantId: number) {
    return this.db.selectFrom("stalls").select(["id", "code", "area"]).where("merchant_id", "=", merchantId).orderBy("code").execute();
  }

  async statusHistory(merchantId: number) {
    return this.db
      .selectFrom("merchant_status_changes")
      .select(["to_status", "reason", "at"])
      .where("merchant_id", "=", merchantId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }

  /** Problems reported at the merchant's stalls or from an account of theirs. */
  async problems(merchantId: number) {
    return this.db
      .selectFrom("problems as p")
      .select(["p.id", "p.code", "p.title", "p.status", "p.created_at"])
      .where((eb) =>
        eb.or([
          eb("p.stall_id", "in", eb.selectFrom("stalls").select("id").where("merchant_id", "=", merchantId)),
          eb("p.reporter_user_id", "in", eb.selectFrom("users").select("id").where("merchant_id", "=", merchantId)),
        ]),
      )
      .orderBy("p.created_at", "desc")
      .limit(100)
      .execute();
  }

  async findings(merchantId: number) {
    return this.db
      .selectFrom("merchant_findings")
      .select(["id", "source", "summary", "created_at"])
      .where("merchant_id", "=", merchantId)
      .orderBy("created_at", "desc")
      .limit(100)
      .execute();
  }

  async caringShop(merchantId: number) {
    return this.db
      .selectFrom("caring_shops")
      .select(["status", "category", "discount_rate_permille", "plaque_date"])
      .where("merchant_id", "=", merchantId)
      .orderBy("id", "desc")
      .executeTakeFirst();
  }

  async consultations(merchantId: number) {
    return this.db
      .selectFrom("red_shield_consultations")
      .select(["id", "date", "topic", "summary", "outcome"])
      .where("merchant_id", "=", merchantId)
      .orderBy("date", "desc")
      .limit(100)
      .execute();
  }

  async counterRequests(merchantId: number) {
    return this.db
      .selectFrom("service_requests as r")
      .innerJoin("service_items as i", "i.id", "r.item_id")
      .select(["r.id", "r.date", "i.name as item_name", "r.status"])
      .where("r.merchant_id", "=", merchantId)
      .orderBy("r.date", "desc")
      .limit(100)
      .execute();
  }

  /** Events the merchant took part in (a promotion's sample, a publicity day), with the takings days they reported. */
  async events(stationId: number, merchantId: number) {
    const rows = await this.db
      .selectFrom("events")
      .select(["id", "title", "kind", "starts_at", "status", "merchant_ids"])
      .where("station_id", "=", stationId)
      .orderBy("starts_at", "desc")
      .execute();
    const mine = rows.filter((r) => (JSON.parse(r.merchant_ids) as number[]).includes(merchantId)).slice(0, 100);
    const takings = mine.length
      ? await this.db
          .selectFrom("event_takings")
          .select(["event_id", (eb) => eb.fn.countAll().as("days")])
          .where("merchant_id", "=", merchantId)
          .where(
            "event_id",
            "in",
            mine.map((r) => r.id),
          )
          .groupBy("event_id")
          .execute()
      : [];
    const daysOf = new Map(takings.map((t) => [t.event_id, Number(t.days)]));
    return mine.map((r) => ({ ...r, takings_days: daysOf.get(r.id) ?? 0 }));
  }

  /** The merchant's night-market seasons: its application, the nights it traded, its takings and incidents. */
  async nightMarket(merchantId: number) {
    return this.db
      .selectFrom("night_market_applications as a")
      .innerJoin("night_market_operators as o", "o.id", "a.operator_id")
      .innerJoin("night_market_seasons as s", "s.id", "a.season_id")
      .select((eb) => [
        "s.id as season_id",
        "s.name as season_name",
        "s.starts_on",
        "s.ends_on",
        "a.status as application_status",
        eb
          .selectFrom("night_market_pitch_nights as pn")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("pn.operator_id", "=", "o.id")
          .whereRef("pn.season_id", "=", "s.id")
          .where("pn.status", "=", "checked_in")
          .as("nights"),
        eb
          .selectFrom("night_market_takings as t")
          .innerJoin("night_market_nights as n", "n.id", "t.night_id")
          .select((e) => e.fn.coalesce(e.fn.sum<number>("t.amount_fen"), sql<number>`0`).as("fen"))
          .whereRef("t.operator_id", "=", "o.id")
          .whereRef("n.season_id", "=", "s.id")
          .as("takings_fen"),
        eb
          .selectFrom("night_market_incidents as i")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("i.operator_id", "=", "o.id")
          .whereRef("i.season_id", "=", "s.id")
          .as("incidents"),
      ])
      .where("o.merchant_id", "=", merchantId)
      .orderBy("s.starts_on", "desc")
      .execute();
  }

  /** The market's stalls with what the map colours them by: trade, status, relief, findings, caring shop, consumption. */
  async mapStalls(stationId: number) {
    const rows = await this.db
      .selectFrom("stalls as s")
      .leftJoin("merchants as m", "m.id", "s.merchant_id")
      .select([
        "s.id",
        "s.code",
        "s.x",
        "s.y",
        "s.w",
        "s.h",
        "s.version",
        "s.merchant_id",
        "m.name as merchant_name",
        "m.category",
        "m.status",
        (eb) =>
          eb
            .selectFrom("relief_applications as r")
            .select(sql<string | number>`coalesce(sum(r.disbursed_fen), 0)`.as("x"))
            .whereRef("r.merchant_id", "=", "s.merchant_id")
            .where("r.status", "in", ["disbursed", "closed"])
            .as("relief_fen"),
        (eb) =>
          eb
            .selectFrom("merchant_findings as f")
            .select(sql<string | number>`count(*)`.as("x"))
            .whereRef("f.merchant_id", "=", "s.merchant_id")
            .as("findings"),
        (eb) =>
          eb
            .selectFrom("caring_shops as c")
            .select("c.status")
            .whereRef("c.merchant_id", "=", "s.merchant_id")
            .orderBy("c.id", "desc")
            .limit(1)
            .as("caring_status"),
        (eb) =>
          eb
            .selectFrom("economy_purchases as p")
            .select(sql<string | number>`coalesce(sum(p.amount_fen), 0)`.as("x"))
            .whereRef("p.merchant_id", "=", "s.merchant_id")
            .where("p.status", "=", "confirmed")
            .as("consumption_fen"),
      ])
      .where("s.station_id", "=", stationId)
      .orderBy("s.code")
      .execute();
    return rows.map((r) => ({
      ...r,
      relief_fen: Number(r.relief_fen ?? 0),
      findings: Number(r.findings ?? 0),
      consumption_fen: Number(r.consumption_fen ?? 0),
    }));
  }
}
