// The records behind the economy's figures in the dictionary (economy.figures.ts): relief and loans paid out, the
// merchants and their closures, directed consumption confirmed, and the funding ledger's sources.
import type { Kysely } from "kysely";
import type { FundingSourceKind, PolicyKind } from "../../../contracts/economy.ts";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";

export class EconomyFiguresRepository {
  private readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** Applications of these kinds of policy that reached the merchant (disbursed or closed), paid out in [from, to]. */
  reliefPaid(stationIds: number[], kinds: PolicyKind[], from: string, to: string) {
    return this.db
      .selectFrom("relief_applications as a")
      .innerJoin("economy_policies as p", "p.id", "a.policy_id")
      .innerJoin("merchants as m", "m.id", "a.merchant_id")
      .select([
        "a.id",
        "a.station_id",
        "a.merchant_id",
        "m.name as merchant_name",
        "p.id as policy_id",
        "p.title",
        "p.kind",
        "a.disbursed_on",
        "a.disbursed_fen",
        "a.loan_principal_fen",
      ])
      .where(inStations(stationIds, "a.station_id"))
      .where("p.kind", "in", kinds)
      .where("a.status", "in", ["disbursed", "closed"])
      .where("a.disbursed_on", ">=", from)
      .where("a.disbursed_on", "<=", to)
      .orderBy("a.disbursed_on")
      .orderBy("a.id")
      .execute();
  }

  /** Merchants registered before an instant and not closed. */
  merchantsOperating(stationIds: number[], before: string) {
    return this.db
      .selectFrom("merchants")
      .select(["id", "station_id", "name", "category", "created_at"])
      .where(inStations(stationIds, "station_id"))
      .where("status", "!=", "closed")
      .where("created_at", "<", before)
      .orderBy("id")
      .execute();
  }

  /** Months confirmed closed because of the epidemic, in [fromMonth, toMonth]. */
  closedByEpidemic(stationIds: number[], fromMonth: string, toMonth: string) {
    return this.db
      .selectFrom("merchant_operating_months as o")
      .innerJoin("merchants as m", "m.id", "o.merchant_id")
      .select(["o.id", "o.station_id", "o.merchant_id", "m.name", "o.month"])
      .where(inStations(stationIds, "o.station_id"))
      .where("o.status", "=", "closed")
      .where("o.cause", "=", "epidemic")
      .where("o.month", ">=", fromMonth)
      .where("o.month", "<=", toMonth)
      .orderBy("o.month")
      .execute();
  }

  /** Purchases confirmed by the merchants, bought in [from, to]. */
  confirmedPurchases(stationIds: number[], from: string, to: string) {
    return this.db
      .selectFrom("economy_purchases as p")
      .innerJoin("economy_enterprises as e", "e.id", "p.enterprise_id")
      .select(["p.id", "p.station_id", "p.enterprise_id", "e.name as enterprise_name", "p.purchased_on", "p.amount_fen", "p.invoice_no"])
      .where(inStations(stationIds, "p.station_id"))
      .where("p.status", "=", "confirmed")
      .where("p.purchased_on", ">=", from)
      .where("p.purchased_on", "<=", to)
      .orderBy("p.purchased_on")
      .orderBy("p.id")
      .execute();
  }

  /** The funding ledger's sources of these kinds received in [from, to]. */
  fundingSources(stationIds: number[], kinds: FundingSourceKind[], from: string, to: string) {
    return this.db
      .selectFrom("funding_sources")
      .select(["id", "station_id", "name", "kind", "received_fen", "received_on"])
      .where(inStations(stationIds, "station_id"))
      .where("kind", "in", kinds)
      .where("received_on", ">=", from)
      .where("received_on", "<=", to)
      .orderBy("received_on")
      .orderBy("id")
      .execute();
  }
}
