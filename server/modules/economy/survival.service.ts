// Survival: each merchant's operating status per month — the month's confirmation (the merchant's on the phone or
// the station's), else the registry's status history at the month's end — and the figure "N merchants, none closed
// because of the epidemic" computed for any period, with the relief each merchant received in it beside it.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { monthRange, monthsBetween, shiftMonth, stationDayStart, stationMonth } from "../../../contracts/calendar.ts";
import type { operatingConfirmSchema, Survival, survivalQuery } from "../../../contracts/economy.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, notFound } from "../../platform/errors.ts";
import { reachesStation, type SessionUser, stationFilter } from "../../platform/scope.ts";
import { manages, refuse } from "./economy.access.ts";
import type { EconomyRepository } from "./economy.repository.ts";
import { type MonthStatus, monthStatus, type StatusChange } from "./economy.workflow.ts";

export class SurvivalService {
  private readonly db: Kysely<DB>;
  private readonly repo: EconomyRepository;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, repo: EconomyRepository, clock: Clock) {
    this.db = db;
    this.repo = repo;
    this.clock = clock;
  }

  private stationOf(user: SessionUser, requested: number | undefined): number {
    const stations = stationFilter(user, requested);
    if (stations !== null && stations.length === 1) return stations[0];
    if (requested !== undefined) throw notFound();
    throw fail("request.invalid", [{ field: "stationId", key: "v.required" }]);
  }

  async survival(user: SessionUser, query: z.output<typeof survivalQuery>): Promise<Survival> {
    const stationId = this.stationOf(user, query.stationId);
    const months = monthsBetween(query.from, query.to).slice(0, 240);
    const ends = new Map(months.map((m) => [m, stationDayStart(monthRange(shiftMonth(m, 1)).from).toISOString()]));
    const facts = await this.repo.merchantFacts(stationId);
    const history = new Map<number, StatusChange[]>();
    for (const h of await this.repo.statusHistory(stationId)) {
      const list = history.get(h.merchant_id) ?? [];
      list.push({ toStatus: h.to_status, reason: h.reason, at: h.at });
      history.set(h.merchant_id, list);
    }
    const confirmations = new Map(
      (await this.repo.confirmations(stationId, query.from, query.to)).map((c) => [`${c.merchant_id}:${c.month}`, c]),
    );
    const relief = new Map(
      (await this.repo.reliefReceived(stationId, monthRange(query.from).from, monthRange(query.to).to)).map((r) => [r.merchantId, r]),
    );
    const rows: Survival["rows"] = [];
    let operating = 0;
    let closed = 0;
    let closedByEpidemic = 0;
    let suspended = 0;
    let confirmedMonths = 0;
    let reliefFen = 0;
    for (const m of facts) {
      const list: MonthStatus[] = [];
      for (const month of months) {
        const c = confirmations.get(`${m.id}:${month}`);
        const s = monthStatus(
          month,
          ends.get(month) ?? "",
          history.get(m.id) ?? [],
          c ? { status: c.status, cause: c.cause, reason: c.reason } : undefined,
        );
        if (s) list.push(s);
      }
      if (list.length === 0) continue;
      const last = list[list.length - 1];
      if (last.status === "open") operating++;
      if (last.status === "suspended") suspended++;
      if (last.status === "closed") {
        closed++;
        if (list.some((s) => s.status === "closed" && s.cause === "epidemic")) closedByEpidemic++;
      }
      confirmedMonths += list.filter((s) => s.confirmed).length;
      const r = relief.get(m.id);
      reliefFen += r?.fen ?? 0;
      rows.push({ merchantId: m.id, name: m.name, category: m.category, months: list, reliefFen: r?.fen ?? 0, reliefCount: r?.count ?? 0 });
    }
    return {
      from: query.from,
      to: query.to,
      merchants: rows.length,
      operating,
      closed,
      closedByEpidemic,
      suspended,
      confirmedMonths,
      reliefFen,
      rows,
    };
  }

  /** The month's confirmation: the merchant's own on the phone, or the station's for one of its merchants. */
  async confirm(user: SessionUser, input: z.output<typeof operatingConfirmSchema>, actor: Actor, own: boolean) {
    const now = this.clock.now();
    const at = now.toISOString();
    const merchantId = own ? user.merchantId : (input.merchantId ?? null);
    if (merchantId === null) {
      if (own) throw notFound();
      throw fail("request.invalid", [{ field: "merchantId", key: "v.required" }]);
    }
    const month = input.month ?? stationMonth(now);
    if (month > stationMonth(now)) throw refuse("economy.month_ahead", {}, "month");
    return this.db.transaction().execute(async (trx) => {
      const m = await this.repo.merchantFact(merchantId, trx);
      if (!m || (!own && !manages(user, m.station_id)) || (own && !reachesStation(user, m.station_id))) {
        throw refuse("economy.no_merchant", {}, "merchantId");
      }
      const values = {
        station_id: m.station_id,
        merchant_id: m.id,
        month,
        status: input.status,
        cause: input.status === "open" ? null : input.cause,
        reason: input.reason,
        confirmed_by_user_id: user.id,
        confirmed_at: at,
      };
      const { id, before } = await this.repo.upsertConfirmation(trx, values);
      await appendAudit(trx, actor, {
        at: now,
        action: "merchant.operating_confirmed",
        objectType: "merchant",
        objectId: m.id,
        stationId: m.station_id,
        before: before ? { status: before.status, cause: before.cause, reason: before.reason } : null,
        after: { month, status: values.status, cause: values.cause, reason: values.reason },
      });
      return {
        id,
        merchantId: m.id,
        month,
        status: values.status,
        cause: values.cause,
        reason: values.reason,
        confirmedAt: at,
      };
    });
  }
}
