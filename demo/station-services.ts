// What the demo loaders of the station's services (issue 4) are handed: the station, its units and the demo
// accounts they act as. The loaders run in this order inside the demo transaction: duty (the roster and the Red
// Shield post) first, then the counter (requests are booked on the roster's shifts), then lending and the fair
// scale.
import type { Transaction } from "kysely";
import type { DB } from "../server/db/tables.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import type { Vault } from "../server/platform/crypto.ts";
import type { Random } from "./random.ts";

export interface StationServicesContext {
  trx: Transaction<DB>;
  vault: Vault;
  r: Random;
  stationId: number;
  /** Alliance units by name, e.g. units.区市场监督管理局, units.银河路街道网格化服务管理中心, units.区卫生健康委员会. */
  units: Record<string, number>;
  merchantIds: number[];
  residentIds: number[];
  staffUserId: number;
  staffName: string;
  /** `scjg`, the market-regulation bureau's officer (a department officer of units.区市场监督管理局). */
  bureauUserId: number;
  /** `shanghu` (merchant) and `jumin` (resident), with their registry records. */
  merchantUserId: number;
  merchantId: number;
  residentUserId: number;
  residentId: number;
  volunteerUserId: number;
  /** For a re-weigh whose shopper wants redress: the problem is reported through the governance loop. */
  problems: ProblemsService;
  now: Date;
}
