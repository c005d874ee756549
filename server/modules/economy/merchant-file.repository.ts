// The merchant file's reads (一户一档): one merchant's records across the registry and the modules that keep records
// about merchants — stalls and status history, problems reported from the merchant's stalls or account, fair-scale
// findings, the caring-shop record, Red Shield consultations, counter requests. Read-only: it joins other modules'
// tables to gather one page, and writes nothing.
import type { Kysely } from "kysely";
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
}
