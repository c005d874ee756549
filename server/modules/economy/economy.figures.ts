// The economy's figures in the dictionary: the "两免一补" loans and the rent and heating relief paid out (report §一),
// the merchants and none closed by the epidemic, directed consumption by the park's enterprises (§二), and the funding
// ledger's sources — the station's 100 k + 100 k, the stage's 470 k, the night market's 1.8 M (§二, §三, §四).
import type { Kysely } from "kysely";
import { stationDate } from "../../../contracts/calendar.ts";
import type { FundingSourceKind } from "../../../contracts/economy.ts";
import type { DB } from "../../db/tables.ts";
import { defineFigure, type FigureRecordInput } from "../figures/figure.ts";
import { EconomyFiguresRepository } from "./economy.figures.repository.ts";

/** One record per merchant (the first application's date), its amount the merchant's total. */
function perMerchant(
  rows: { merchant_id: number; station_id: number; merchant_name: string; disbursed_on: string | null; disbursed_fen: number | null }[],
) {
  const by = new Map<number, FigureRecordInput>();
  for (const r of rows) {
    const had = by.get(r.merchant_id);
    if (had) had.amount = (had.amount ?? 0) + (r.disbursed_fen ?? 0);
    else
      by.set(r.merchant_id, {
        ref: `merchant:${r.merchant_id}`,
        stationId: r.station_id,
        date: r.disbursed_on ?? "",
        label: r.merchant_name,
        amount: r.disbursed_fen ?? 0,
        link: `/merchants/${r.merchant_id}`,
      });
  }
  return [...by.values()];
}

export function economyFigures(db: Kysely<DB>) {
  const repo = new EconomyFiguresRepository(db);
  const relief = ["rent_relief", "heating_relief"] as const;
  const funding = (
    id: string,
    kinds: FundingSourceKind[],
    part: number,
    name: { "zh-CN": string; en: string },
    definition: { "zh-CN": string; en: string },
    shortEn: string,
  ) =>
    defineFigure({
      id,
      module: "economy",
      part,
      name,
      shortName: { en: shortEn },
      definition,
      unit: "fen",
      aggregate: "sum",
      records: async (q) =>
        (await repo.fundingSources(q.stationIds, kinds, q.from, q.to)).map((s) => ({
          ref: `funding_source:${s.id}`,
          stationId: s.station_id,
          date: s.received_on,
          label: s.name,
          amount: s.received_fen,
          key: s.kind,
          link: "/economy/ledger",
        })),
    });
  return [
    defineFigure({
      id: "economy.loans_count",
      module: "economy",
      part: 1,
      name: { "zh-CN": "“两免一补”贴息贷款户数", en: "Interest-subsidised loans (shops)" },
      shortName: { en: "Loan-subsidised shops" },
      definition: {
        "zh-CN": "期间内放款到户的“两免一补”贴息贷款笔数（每笔对应一户商户）",
        en: "Interest-subsidised loans paid out to merchants in the period, one per shop",
      },
      unit: "count",
      unitLabel: { "zh-CN": "户", en: "shops" },
      aggregate: "count",
      personal: true,
      records: async (q) =>
        (await repo.reliefPaid(q.stationIds, ["loan_subsidy"], q.from, q.to)).map((a) => ({
          ref: `relief_application:${a.id}`,
          stationId: a.station_id,
          date: a.disbursed_on ?? "",
          label: `${a.merchant_name} · ${a.title}`,
          key: String(a.policy_id),
          link: `/economy/relief?policyId=${a.policy_id}`,
        })),
    }),
    defineFigure({
      id: "economy.loans_fen",
      module: "economy",
      part: 1,
      name: { "zh-CN": "“两免一补”贴息贷款金额", en: "Interest-subsidised loans (amount)" },
      shortName: { en: "Subsidised loans" },
      definition: {
        "zh-CN": "期间内放款到户的“两免一补”贴息贷款本金合计",
        en: "Principal of the interest-subsidised loans paid out in the period",
      },
      unit: "fen",
      aggregate: "sum",
      personal: true,
      records: async (q) =>
        (await repo.reliefPaid(q.stationIds, ["loan_subsidy"], q.from, q.to)).map((a) => ({
          ref: `relief_application:${a.id}`,
          stationId: a.station_id,
          date: a.disbursed_on ?? "",
          label: `${a.merchant_name} · ${a.title}`,
          amount: a.loan_principal_fen ?? a.disbursed_fen ?? 0,
          key: String(a.policy_id),
          link: `/economy/relief?policyId=${a.policy_id}`,
        })),
    }),
    defineFigure({
      id: "economy.relief_merchants",
      module: "economy",
      part: 1,
      name: { "zh-CN": "房租、暖气费减免惠及商户", en: "Merchants given rent or heating relief" },
      shortName: { en: "Merchants relieved" },
      definition: {
        "zh-CN": "期间内获得房租或暖气费减免（已发放）的商户数，一户只计一次",
        en: "Merchants paid rent or heating relief in the period, each counted once",
      },
      unit: "count",
      unitLabel: { "zh-CN": "户", en: "merchants" },
      aggregate: "count",
      personal: true,
      records: async (q) => perMerchant(await repo.reliefPaid(q.stationIds, [...relief], q.from, q.to)),
    }),
    defineFigure({
      id: "economy.relief_fen",
      module: "economy",
      part: 1,
      name: { "zh-CN": "房租、暖气费减免金额", en: "Rent and heating relief paid" },
      shortName: { en: "Relief paid" },
      definition: {
        "zh-CN": "期间内发放到户的房租、暖气费减免金额合计",
        en: "Rent and heating relief paid out to merchants in the period",
      },
      unit: "fen",
      aggregate: "sum",
      personal: true,
      records: async (q) =>
        (await repo.reliefPaid(q.stationIds, [...relief], q.from, q.to)).map((a) => ({
          ref: `relief_application:${a.id}`,
          stationId: a.station_id,
          date: a.disbursed_on ?? "",
          label: `${a.merchant_name} · ${a.title}`,
          amount: a.disbursed_fen ?? 0,
          key: a.kind,
          link: `/economy/relief?policyId=${a.policy_id}`,
        })),
    }),
    defineFigure({
      id: "economy.merchants",
      module: "economy",
      part: 1,
      name: { "zh-CN": "在营商户", en: "Merchants operating" },
      definition: { "zh-CN": "期末在册且未关停的商户数", en: "Merchants registered and not closed at the end of the period" },
      unit: "count",
      unitLabel: { "zh-CN": "户", en: "merchants" },
      aggregate: "count",
      period: "snapshot",
      records: async (q) =>
        (await repo.merchantsOperating(q.stationIds, q.toIso)).map((m) => ({
          ref: `merchant:${m.id}`,
          stationId: m.station_id,
          date: stationDate(m.created_at),
          label: m.name,
          key: m.category,
          link: `/merchants/${m.id}`,
        })),
    }),
    defineFigure({
      id: "economy.closed_by_epidemic",
      module: "economy",
      part: 1,
      name: { "zh-CN": "因疫情关停商户", en: "Merchants closed by the epidemic" },
      shortName: { en: "Closed by the epidemic" },
      definition: {
        "zh-CN": "期间内经营状况确认为“因疫情关停”的商户数，一户只计一次",
        en: "Merchants whose monthly operating status was confirmed closed because of the epidemic in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "户", en: "merchants" },
      aggregate: "count",
      thresholds: { direction: "lower", green: 0, yellow: 2 },
      records: async (q) => {
        const seen = new Set<number>();
        return (await repo.closedByEpidemic(q.stationIds, q.from.slice(0, 7), q.to.slice(0, 7)))
          .filter((o) => !seen.has(o.merchant_id) && seen.add(o.merchant_id))
          .map((o) => ({
            ref: `merchant:${o.merchant_id}`,
            stationId: o.station_id,
            date: `${o.month}-01`,
            label: o.name,
            link: `/merchants/${o.merchant_id}`,
          }));
      },
    }),
    defineFigure({
      id: "economy.enterprises",
      module: "economy",
      part: 2,
      name: { "zh-CN": "定向消费企业", en: "Enterprises in directed consumption" },
      shortName: { en: "Directed-buying firms" },
      definition: {
        "zh-CN": "期间内有经商户确认的定向消费记录的企业数",
        en: "Enterprises with directed purchases confirmed by the merchants in the period",
      },
      unit: "count",
      unitLabel: { "zh-CN": "家", en: "enterprises" },
      aggregate: "count",
      records: async (q) => {
        const by = new Map<number, FigureRecordInput>();
        for (const p of await repo.confirmedPurchases(q.stationIds, q.from, q.to))
          if (!by.has(p.enterprise_id))
            by.set(p.enterprise_id, {
              ref: `enterprise:${p.enterprise_id}`,
              stationId: p.station_id,
              date: p.purchased_on,
              label: p.enterprise_name,
              link: "/economy/consumption",
            });
        return [...by.values()];
      },
    }),
    defineFigure({
      id: "economy.directed_fen",
      module: "economy",
      part: 2,
      name: { "zh-CN": "定向消费金额", en: "Directed consumption confirmed" },
      shortName: { en: "Directed consumption" },
      definition: {
        "zh-CN": "期间内企业到市场定向消费、经商户确认的金额合计",
        en: "Directed purchases by the enterprises at the market, confirmed by the merchants, in the period",
      },
      unit: "fen",
      aggregate: "sum",
      records: async (q) =>
        (await repo.confirmedPurchases(q.stationIds, q.from, q.to)).map((p) => ({
          ref: `purchase:${p.id}`,
          stationId: p.station_id,
          date: p.purchased_on,
          label: `${p.enterprise_name} · ${p.invoice_no}`,
          amount: p.amount_fen,
          key: String(p.enterprise_id),
          link: "/economy/consumption",
        })),
    }),
    funding(
      "economy.station_funding_fen",
      ["company", "district_finance"],
      2,
      { "zh-CN": "服务站建设资金", en: "Funding for the station" },
      {
        "zh-CN": "期间内资金台账收到的企业出资和区财政拨款合计（服务站建设）",
        en: "Money received in the ledger from companies and the district's finance in the period (building the station)",
      },
      "Station funding",
    ),
    funding(
      "economy.stage_funding_fen",
      ["hotel"],
      3,
      { "zh-CN": "“百姓大舞台”投入资金", en: "Funding for the people's stage" },
      {
        "zh-CN": "期间内资金台账收到的宾馆出资合计（百姓大舞台）",
        en: "Money received in the ledger from the hotel in the period (the people's stage)",
      },
      "Stage funding",
    ),
    funding(
      "economy.night_market_funding_fen",
      ["merchants"],
      4,
      { "zh-CN": "夜市投入资金", en: "Funding for the night market" },
      {
        "zh-CN": "期间内资金台账收到的龙头商户出资合计（夜市）",
        en: "Money received in the ledger from the leading merchants in the period (the night market)",
      },
      "Night-market funding",
    ),
  ];
}
