// The fair scale (公平秤): a shopper re-weighs a purchase. A re-weigh short beyond the tolerance leaves a finding on
// the merchant's record (kept for the merchant's file and for caring-shop certification) and, when the shopper wants
// redress, reports a problem into the governance loop — all in the one transaction that records the re-weigh.
import type { Kysely } from "kysely";
import type { z } from "zod";
import { can } from "../../../contracts/access.ts";
import { stationDate, stationDayEnd, stationDayStart, stationTime } from "../../../contracts/calendar.ts";
import type { Reweigh, reweighCreateSchema, reweighListQuery } from "../../../contracts/lending.ts";
import type { ProblemSource } from "../../../contracts/problems.ts";
import type { DB } from "../../db/tables.ts";
import { type Actor, appendAudit } from "../../platform/audit.ts";
import { fail, invalidField, notFound } from "../../platform/errors.ts";
import type { Notifier } from "../../platform/notify.ts";
import { reachesStation, type SessionUser, stationFilter, targetStation } from "../../platform/scope.ts";
import type { ProblemsService } from "../problems/problems.service.ts";
import { FairScaleRepository, type ReweighFilter, type ReweighRow } from "./fair-scale.repository.ts";
import { findingSummary, judgeReweigh, shortTolerance } from "./fair-scale.workflow.ts";
import type { LendingService } from "./lending.service.ts";

type CreateInput = z.output<typeof reweighCreateSchema>;
type ListQuery = z.output<typeof reweighListQuery>;

/** Problems about weights and measures are market order (市场秩序). */
export const REDRESS_CATEGORY = "market_order";

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export const reweighExportColumns = [
  { key: "createdAt", header: "复秤时间" },
  { key: "stall", header: "摊位" },
  { key: "merchant", header: "商户" },
  { key: "goods", header: "商品" },
  { key: "claimedGrams", header: "标称(克)" },
  { key: "actualGrams", header: "复秤(克)" },
  { key: "shortGrams", header: "短缺(克)" },
  { key: "unitPrice", header: "单价(元/斤)" },
  { key: "overcharge", header: "多收(元)" },
  { key: "outcome", header: "结论" },
  { key: "shopper", header: "顾客" },
  { key: "problem", header: "问题编号" },
] as const;

export function presentReweigh(r: ReweighRow): Reweigh {
  return {
    id: r.id,
    stationId: r.station_id,
    stallId: r.stall_id,
    stallCode: r.stall_code,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    goods: r.goods,
    claimedGrams: r.claimed_grams,
    actualGrams: r.actual_grams,
    unitPriceFen: r.unit_price_fen,
    shortGrams: r.short_grams,
    toleranceGrams: shortTolerance(r.claimed_grams),
    overchargeFen: r.overcharge_fen,
    outcome: r.outcome as "fair" | "short",
    shopperName: r.shopper_name,
    recordedBy: r.recorded_by,
    problemId: r.problem_id,
    problemCode: r.problem_code,
    findingId: r.finding_id,
    createdAt: r.created_at,
  };
}

export class FairScaleService {
  readonly repo: FairScaleRepository;
  private readonly db: Kysely<DB>;
  private readonly problems: ProblemsService;
  private readonly lending: LendingService;
  private readonly notifier: Notifier;

  constructor(db: Kysely<DB>, deps: { problems: ProblemsService; lending: LendingService; notifier: Notifier }) {
    this.db = db;
    this.repo = new FairScaleRepository(db);
    this.problems = deps.problems;
    this.lending = deps.lending;
    this.notifier = deps.notifier;
  }

  /** Staff record for a walk-in shopper; residents, volunteers and merchants record their own re-weigh. */
  async record(user: SessionUser, input: CreateInput, actor: Actor, now = new Date()) {
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
        action: "merchant_finding.created",
        objectType: "merchant_finding",
        objectId: findingId,
        stationId,
        after: { merchantId, source: "fair_scale", reweighId, summary },
      });
      await outbox.addMany(trx, await this.repo.merchantAccounts(merchantId, trx), {
        kind: "reweigh.short",
        title: "公平秤复秤发现短秤",
        body: `${summary}。此记录已计入商户档案，请校准计量器具、诚信经营。`,
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
            title: "问题已受理登记",
            body: `您反映的短秤问题已登记，编号 ${problem.code}，服务站会联系商户处理退款。`,
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
      from: query.from ? stationDayStart(query.from).toISOString() : undefined,
      to: query.to ? stationDayEnd(query.to).toISOString() : undefined,
    };
  }

  async list(user: SessionUser, query: ListQuery) {
    const { rows, total } = await this.repo.list(this.filterOf(user, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(presentReweigh), total, page: query.page, pageSize: query.pageSize };
  }

  async *exportRows(user: SessionUser, query: Partial<ListQuery>) {
    for await (const rows of this.repo.iterate(this.filterOf(user, query))) {
      yield rows.map((r) => ({
        createdAt: `${stationDate(r.created_at)} ${stationTime(r.created_at)}`,
        stall: r.stall_code ?? "",
        merchant: r.merchant_name,
        goods: r.goods,
        claimedGrams: r.claimed_grams,
        actualGrams: r.actual_grams,
        shortGrams: r.short_grams,
        unitPrice: (r.unit_price_fen / 100).toFixed(2),
        overcharge: (r.overcharge_fen / 100).toFixed(2),
        outcome: r.outcome === "short" ? "短秤" : "足秤",
        shopper: r.shopper_name ?? "",
        problem: r.problem_code ?? "",
      }));
    }
  }

  /** The signed-in shopper's own re-weighs. */
  async mine(user: SessionUser) {
    const rows = await this.repo.recent({ stationIds: null, shopperUserId: user.id }, 20);
    return rows.map(presentReweigh);
  }

  async stalls(user: SessionUser) {
    const rows = await this.repo.stalls(user.stationIds);
    return rows.map((s) => ({ id: s.id, code: s.code, merchantId: s.merchant_id, merchantName: s.merchant_name }));
  }

  /** What a merchant's record keeps from the fair scale; a merchant outside the caller's stations does not exist. */
  async findings(user: SessionUser, merchantId: number, now = new Date()) {
    const merchant = await this.repo.merchant(merchantId);
    if (!merchant || !reachesStation(user, merchant.station_id)) throw notFound();
    const [rows, reweighs] = await Promise.all([this.repo.findings(merchantId), this.repo.countReweighs(merchantId)]);
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    return {
      merchantId,
      total: rows.length,
      lastYear: rows.filter((r) => r.created_at >= yearAgo).length,
      reweighs,
      items: rows.map((r) => ({
        id: r.id,
        merchantId: r.merchant_id,
        source: "fair_scale" as const,
        reweighId: r.reweigh_id,
        summary: r.summary,
        shortGrams: r.short_grams,
        overchargeFen: r.overcharge_fen,
        problemId: r.problem_id,
        createdAt: r.created_at,
      })),
    };
  }

  /** Re-weighs per month over the last twelve station months, the share found short, the merchants with most findings. */
  async figures(user: SessionUser, stationId: number | undefined, now = new Date()) {
    const stationIds = stationFilter(user, stationId);
    const thisMonth = stationDate(now).slice(0, 7);
    const months: string[] = [];
    for (let i = 11; i >= 0; i--) {
      const [y, m] = thisMonth.split("-").map(Number);
      const d = new Date(Date.UTC(y, m - 1 - i, 1));
      months.push(d.toISOString().slice(0, 7));
    }
    const from = stationDayStart(`${months[0]}-01`).toISOString();
    const rows = await this.repo.since(stationIds, from);
    const byMonth = new Map(months.map((m) => [m, { month: m, total: 0, short: 0 }]));
    let overchargeFen = 0;
    for (const r of rows) {
      const entry = byMonth.get(stationDate(r.created_at).slice(0, 7));
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
