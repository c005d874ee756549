// The fair scale (公平秤): a shopper re-weighs a purchase. A re-weigh short beyond the tolerance leaves a finding on
// the merchant's record (kept for the merchant's file and for caring-shop certification) and, when the shopper wants
// redress, reports a problem into the governance loop — all in the one transaction that records the re-weigh.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { shiftMonth, stationDayBounds, stationDayStart, stationMonth } from "../../../contracts/calendar.ts";
import type { reweighCreateSchema, reweighListQuery } from "../../../contracts/lending.ts";
import type { ProblemSource } from "../../../contracts/problems.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import { fail, invalidField, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { pageAnswer } from "../../platform/page.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { presentFinding, presentReweigh, presentReweighExportRow, presentScaleStall } from "./fair-scale.presenter.ts";
import { FairScaleRepository, type ReweighFilter } from "./fair-scale.repository.ts";
import { findingSummary, judgeReweigh } from "./fair-scale.workflow.ts";
import type { LendingService } from "./lending.service.ts";

type CreateInput = z.output<typeof reweighCreateSchema>;
type ListQuery = z.output<typeof reweighListQuery>;

/** Problems about weights and measures are market order (市场秩序). */
export const REDRESS_CATEGORY = "market_order";

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export class FairScaleService {
  readonly repo: FairScaleRepository;
  private readonly db: Kysely<DB>;
  private readonly problems: ProblemsService;
  private readonly lending: LendingService;
  private readonly notifier: Notifier;
  private readonly clock: Clock;

  constructor(db: Kysely<DB>, deps: { problems: ProblemsService; lending: LendingService; notifier: Notifier }, clock: Clock) {
    this.db = db;
    this.repo = new FairScaleRepository(db);
    this.problems = deps.problems;
    this.lending = deps.lending;
    this.notifier = deps.notifier;
    this.clock = clock;
  }

  /** Staff record for a walk-in shopper; residents, volunteers and merchants record their own re-weigh. */
  async record(user: SessionUser, input: CreateInput, actor: Actor) {
    const now = this.clock.now();
    const staff = can(user.role, "scale.read");
    if (!staff && input.shopperName) throw invalidField("shopperName", "v.unknown_field");
    const stationId = targetStation(user, input.stationId);
    const stall = await this.repo.stall(input.stallId);
    if (!stall || stall.station_id !== stationId || stall.merchant_id === null || stall.merchant_status === "closed") {
      throw fail("reweigh.bad_stall", [{ field: "stallId" }]);
    }
    if (user.merchantId !== null && user.merchantId === stall.merchant_id) throw fail("reweigh.own_stall", [{ field: "stallId" }]);
    if (input.scaleItemId && !(await this.lending.scaleOfStation(input.scaleItemId, stationId))) {
      throw fail("reweigh.bad_scale", [{ field: "scaleItemId" }]);
    }
    const merchantId = stall.merchant_id;
    const merchantName = stall.merchant_name ?? "";
    const judged = judgeReweigh(input);
    const redress = judged.outcome === "short" && input.wantsRedress;
    if (redress) await this.problems.ensureCategories();
    const at = now.toISOString();
    const shopperName = staff ? input.shopperName : user.displayName;
    const outbox = this.notifier.outbox();
    const id = await this.db.transaction().execute(async (trx) => {
      const reweighId = await this.repo.insert(trx, {
        station_id: stationId,
        stall_id: stall.id,
        merchant_id: merchantId,
        goods: input.goods,
        claimed_grams: input.claimedGrams,
        actual_grams: input.actualGrams,
        unit_price_fen: input.unitPriceFen,
        short_grams: judged.shortGrams,
        overcharge_fen: judged.overchargeFen,
        outcome: judged.outcome,
        scale_item_id: input.scaleItemId ?? null,
        shopper_user_id: staff ? null : user.id,
        shopper_name: shopperName,
        recorded_by_user_id: user.id,
        problem_id: null,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "reweigh.recorded",
        objectType: "reweigh",
        objectId: reweighId,
        stationId,
        after: {
          stallId: stall.id,
          merchantId,
          goods: input.goods,
          claimedGrams: input.claimedGrams,
          actualGrams: input.actualGrams,
          unitPriceFen: input.unitPriceFen,
          outcome: judged.outcome,
        },
      });
      if (judged.outcome !== "short") return reweighId;

      const summary = findingSummary({ stallCode: stall.code, ...input, ...judged });
      const findingId = await this.repo.insertFinding(trx, {
        station_id: stationId,
        merchant_id: merchantId,
        source: "fair_scale",
        reweigh_id: reweighId,
        summary,
        created_at: at,
      });
      await appendAudit(trx, actor, {
        at: now,
        action: "merchant_finding.created",
        objectType: "merchant_finding",
        objectId: findingId,
        stationId,
        after: { merchantId, source: "fair_scale", reweighId, summary },
      });
      await outbox.addMany(trx, await this.repo.merchantAccounts(merchantId, trx), {
        kind: "reweigh.short",
        notice: "reweigh.short",
        params: {
          station: stall.station_name,
          stall: { "zh-CN": `${stall.code} 摊位`, en: `stall ${stall.code}, ` },
          goods: input.goods,
          claimed: input.claimedGrams,
          actual: input.actualGrams,
          short: judged.shortGrams,
          overcharge: yuan(judged.overchargeFen),
        },
        link: null,
      });

      if (redress) {
        const source: ProblemSource = staff ? "walk_in" : user.role === "merchant" ? "merchant" : "resident";
        const title = `公平秤复秤短秤：${stall.code} ${merchantName}`;
        const description = [
          `顾客在 ${stall.code} 摊位（${merchantName}）购买${input.goods}，商户称重 ${input.claimedGrams} 克，公平秤复秤 ${input.actualGrams} 克，短 ${judged.shortGrams} 克；按单价 ${yuan(input.unitPriceFen)}/斤 计多收 ${yuan(judged.overchargeFen)}。顾客要求退还多收款项。`,
          input.note ?? "",
        ]
          .filter(Boolean)
          .join("\n");
        const problem = await this.problems.createProblemRecord(trx, {
          stationId,
          title: title.slice(0, 100),
          description,
          categoryCode: REDRESS_CATEGORY,
          source,
          place: `${stall.code} 摊位`,
          stallId: stall.id,
          reporterUserId: staff ? null : user.id,
          reporterName: shopperName ?? null,
          createdAt: at,
          actorUserId: user.id,
          actorName: user.displayName,
        });
        await this.repo.linkProblem(trx, reweighId, problem.id);
        await appendAudit(trx, actor, {
          at: now,
          action: "problem.created",
          objectType: "problem",
          objectId: problem.id,
          stationId,
          after: { code: problem.code, title, categoryCode: REDRESS_CATEGORY, source, status: "submitted", reweighId },
        });
        if (!staff) {
          await outbox.add(trx, {
            userId: user.id,
            kind: "problem.submitted",
            notice: "problem.short_weight_submitted",
            params: { code: problem.code, station: stall.station_name },
            link: `/m/problems/${problem.id}`,
          });
        }
      }
      return reweighId;
    });
    await outbox.deliver();
    const row = await this.repo.find(id);
    if (!row) throw notFound();
    return presentReweigh(row);
  }

  private filterOf(user: SessionUser, query: Partial<ListQuery>): ReweighFilter {
    return {
      stationIds: stationFilter(user, query.stationId),
      outcome: query.outcome,
      merchantId: query.merchantId,
      q: query.q,
      from: query.from ? stationDayBounds(query.from)[0] : undefined,
      to: query.to ? stationDayBounds(query.to)[1] : undefined,
    };
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total, totalCapped } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return pageAnswer(rows.map(presentReweigh), { total, totalCapped }, query);
  }

  async *exportRows(user: SessionUser, query: Partial<ListQuery>) {
    for await (const rows of this.repo.iterate(this.filterOf(user, query))) {
      yield rows.map(presentReweighExportRow);
    }
  }

  /** The signed-in shopper's own re-weighs. */
  async mine(user: SessionUser) {
    const rows = await this.repo.recent({ stationIds: null, shopperUserId: user.id }, 20);
    return rows.map(presentReweigh);
  }

  async stalls(user: SessionUser) {
    const rows = await this.repo.stalls(user.stationIds);
    return rows.map(presentScaleStall);
  }

  /** What a merchant's record keeps from the fair scale; a merchant outside the caller's stations does not exist. */
  async findings(user: SessionUser, merchantId: number) {
    const now = this.clock.now();
    const merchant = await this.repo.merchant(merchantId);
    if (!merchant || !reachesStation(user, merchant.station_id)) throw notFound();
    const [rows, reweighs] = await Promise.all([this.repo.findings(merchantId), this.repo.countReweighs(merchantId)]);
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    return {
      merchantId,
      total: rows.length,
      lastYear: rows.filter((r) => r.created_at >= yearAgo).length,
      reweighs,
      items: rows.map(presentFinding),
    };
  }

  /** Re-weighs per month over the last twelve station months, the share found short, the merchants with most findings. */
  async figures(user: SessionUser, stationId: number | undefined) {
    const stationIds = stationFilter(user, stationId);
    const thisMonth = stationMonth(this.clock.now());
    const months = Array.from({ length: 12 }, (_, i) => shiftMonth(thisMonth, i - 11));
    const from = stationDayStart(`${months[0]}-01`).toISOString();
    const rows = await this.repo.since(stationIds, from);
    const byMonth = new Map(months.map((m) => [m, { month: m, total: 0, short: 0 }]));
    let overchargeFen = 0;
    for (const r of rows) {
      const entry = byMonth.get(stationMonth(r.created_at));
      if (!entry) continue;
      entry.total++;
      if (r.outcome === "short") {
        entry.short++;
        overchargeFen += r.overcharge_fen;
      }
    }
    const total = rows.length;
    const short = rows.filter((r) => r.outcome === "short").length;
    return {
      months: [...byMonth.values()],
      total,
      short,
      shortPermille: total === 0 ? 0 : Math.round((short * 1000) / total),
      overchargeFen,
      merchants: await this.repo.findingCounts(stationIds, from, 10),
    };
  }
}
