// The neighbouring Youyi Market station (友谊市场党群服务站): a smaller station than Tianyuan, but a living one,
// so the district has two stations to compare. From the clock's instant back: a year of problems in every state
// (some overdue, most resolved and rated), a merchants' council meeting held and a joint meeting coming, the
// market-regulation bureau's and the human-resources bureau's duty days with requests at the counter (mostly done
// and rated), a caring restaurant and a caring supermarket with a few cards and their redemptions, shared
// umbrellas with their loans, and re-weighs on the fair scale. Every record points at Youyi's own station,
// merchants, residents and units; the only account acting is Youyi's station admin `youyi`.
import type { Transaction } from "kysely";
import { stationDate } from "../contracts/calendar.ts";
import type { DB } from "../server/db/tables.ts";
import type { ProblemsService } from "../server/modules/problems/problems.service.ts";
import type { Random } from "./random.ts";
import { loadCaringShops } from "./youyi/caring.ts";
import { loadCounterDays } from "./youyi/counter.ts";
import { loadLendingAndScale } from "./youyi/lending.ts";
import { loadMeetings } from "./youyi/meetings.ts";
import { loadProblems } from "./youyi/problems.ts";

export interface YouyiContext {
  trx: Transaction<DB>;
  /** One generator per area, so that a change in one area leaves the others' records as they were. */
  random: (area: "problems" | "meetings" | "counter" | "caring" | "lending") => Random;
  stationId: number;
  /** Youyi's alliance units by name. */
  units: Record<string, number>;
  merchantIds: number[];
  residentIds: number[];
  /** `youyi`, the station admin, who does the station's desk work in the demo. */
  adminUserId: number;
  adminName: string;
  problems: ProblemsService;
  now: Date;
}

export async function loadYouyi(ctx: YouyiContext): Promise<Record<string, number>> {
  const { trx } = ctx;
  const now = ctx.now.getTime();
  const today = stationDate(ctx.now);
  const stamp = ctx.now.toISOString();
  const admin = { id: ctx.adminUserId, name: ctx.adminName };
  const unitId = (name: string) => {
    const id = ctx.units[name];
    if (id === undefined) throw new Error(`Youyi has no unit ${name}`);
    return id;
  };
  const merchants = await trx
    .selectFrom("merchants")
    .select(["id", "name", "category", "operator_name", "mobile_enc"])
    .where("id", "in", ctx.merchantIds)
    .orderBy("id")
    .execute();
  const residents = await trx
    .selectFrom("residents")
    .select(["id", "name", "mobile_enc"])
    .where("id", "in", ctx.residentIds)
    .orderBy("id")
    .execute();
  const stalls = await trx
    .selectFrom("stalls")
    .select(["id", "code", "merchant_id"])
    .where("station_id", "=", ctx.stationId)
    .where("merchant_id", "is not", null)
    .orderBy("id")
    .execute();

  const problems = await loadProblems(ctx, ctx.random("problems"), { admin, unitId, merchants, stalls });
  const meetings = await loadMeetings(ctx, ctx.random("meetings"), { admin, unitId, today });
  const counter = await loadCounterDays(ctx, ctx.random("counter"), { admin, unitId, today, stamp, merchants, residents });
  const caring = await loadCaringShops(ctx, ctx.random("caring"), { admin, today, merchants, residents });
  const lending = await loadLendingAndScale(ctx, ctx.random("lending"), { admin, now, merchants, residents, stalls });
  return { ...problems, ...meetings, ...counter, ...caring, ...lending };
}
