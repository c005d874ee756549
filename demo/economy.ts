// The merchant economy at Tianyuan (report §一, §二, §三, §四): the records the report's money figures come from.
// - "两免一补" interest-subsidised loans: 47 shops, 2.09 M yuan in all, over the two epidemic waves of the past year;
// - rent and heating relief: 109 merchants, 284 k yuan in all (every one of them rent relief, some heating too), with
//   the eligible merchants not reached beside them (a few applications rejected, withdrawn or still in review);
// - this winter's heating relief, open now, that no one has applied for yet (the phone's "政策帮扶" shows it);
// - each merchant's monthly operating status for the past year (none closed, three suspended for a month of
//   renovation): "129 merchants, none closed because of the epidemic";
// - 89 park enterprises mobilised by the petrochemical company's Party committee, with monthly pledges and a year of
//   purchases: 3.705 M yuan confirmed by the merchants, the last fortnight's still waiting for confirmation;
// - the funding ledger: the petrochemical company 100 k and district finance 100 k for the station, 翼龙宾馆 470 k for
//   the people's stage, the leading merchants' ~1.8 M for the night market, allocated to the projects and spent.
// Everything is built from `now` with the seeded generator; nothing reads the wall clock.
import type { Insertable, Transaction } from "kysely";
import { addDays, monthRange, shiftMonth, stationDate, stationInstant, stationMonth } from "../contracts/calendar.ts";
import type { DB, EconomyPurchaseTable, MerchantOperatingMonthTable, ReliefApplicationTable } from "../server/db/tables.ts";
import type { Random } from "./random.ts";

export interface EconomyContext {
  trx: Transaction<DB>;
  r: Random;
  stationId: number;
  units: Record<string, number>;
  merchantIds: number[];
  staffUserId: number;
  /** The demo merchant account's own merchant (shanghu): left without an application to this winter's heating relief. */
  merchantId: number;
  now: Date;
}

/** The report's figures, in fen. */
export const economyFigures = {
  loans: { count: 47, principalFen: 209_000_000 },
  relief: { merchants: 109, totalFen: 28_400_000, rentFen: 20_000_000, heatingFen: 8_400_000, heatingMerchants: 64 },
  consumption: { enterprises: 89, confirmedFen: 370_500_000 },
  funding: { companyFen: 10_000_000, districtFen: 10_000_000, hotelFen: 47_000_000, nightMarketFen: 180_000_000 },
} as const;

/** `total` split into `count` random parts, each a multiple of `step`, adding up exactly. */
export function distribute(r: Random, total: number, count: number, step: number, minWeight = 5, maxWeight = 15): number[] {
  const weights = Array.from({ length: count }, () => r.int(minWeight, maxWeight));
  const sum = weights.reduce((a, b) => a + b, 0);
  const units = total / step;
  const parts = weights.map((w) => Math.floor((units * w) / sum));
  let left = units - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) parts[i]++;
  return parts.map((p) => p * step);
}

function shuffled<T>(r: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const lenders = ["克拉玛依农村商业银行", "中国建设银行克拉玛依分行", "中国工商银行克拉玛依分行"];
const enterpriseWords = {
  places: ["独山子", "白碱滩", "乌尔禾", "金龙", "天山", "准噶尔", "西域", "南湖", "友谊", "银河", "新港", "油城"],
  trades: ["石化配套", "油田技术", "工程建设", "物流运输", "机械制造", "环保科技", "化工", "电力安装"],
};

export async function loadEconomy(ctx: EconomyContext) {
  const { trx, r, stationId, now } = ctx;
  const at = now.toISOString();
  const today = stationDate(now);
  const month = stationMonth(now);
  const yearAgo = addDays(today, -365);
  const merchants = ctx.merchantIds;

  const policy = async (p: {
    kind: "loan_subsidy" | "rent_relief" | "heating_relief";
    title: string;
    beneficiaries: string;
    conditions: string;
    amounts: string;
    opensOn: string;
    deadline: string;
    capFen: number;
    status: "open" | "closed";
  }) =>
    (
      await trx
        .insertInto("economy_policies")
        .values({
          station_id: stationId,
          kind: p.kind,
          title: p.title,
          beneficiaries: p.beneficiaries,
          conditions: p.conditions,
          amounts: p.amounts,
          where_to_apply: "天源市场党群服务站政策服务窗口",
          contact: "服务站 王丽娟",
          opens_on: p.opensOn,
          deadline: p.deadline,
          cap_fen: p.capFen,
          eligibility: JSON.stringify({
            categories: [],
            statuses: ["open"],
            requiresStall: true,
            registeredBy: null,
            licenceValidOn: null,
          }),
          status: p.status,
          opened_notified_at: stationInstant(p.opensOn, "09:00").toISOString(),
          reminded_at: p.status === "closed" ? stationInstant(addDays(p.deadline, -7), "09:00").toISOString() : null,
          created_by_user_id: ctx.staffUserId,
          created_at: stationInstant(addDays(p.opensOn, -3), "10:00").toISOString(),
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  const loanPolicy = await policy({
    kind: "loan_subsidy",
    title: "“两免一补”创业担保贴息贷款",
    beneficiaries: "受疫情影响、经营困难的市场商户",
    conditions: "在营商户，持有市场摊位，营业执照在有效期内，无不良信用记录",
    amounts: "每户最高 10 万元，期限 1–2 年，按 LPR 全额贴息",
    opensOn: yearAgo,
    deadline: addDays(today, -60),
    capFen: 10_000_000,
    status: "closed",
  });
  const rentPolicy = await policy({
    kind: "rent_relief",
    title: "疫情期间商户房租减免",
    beneficiaries: "疫情期间停业或营业受限的市场商户",
    conditions: "在营商户，持有市场摊位",
    amounts: "按停业月份减免房租，每户最高 5000 元",
    opensOn: addDays(today, -340),
    deadline: addDays(today, -90),
    capFen: 500_000,
    status: "closed",
  });
  const heatingPolicy = await policy({
    kind: "heating_relief",
    title: "疫情期间商户暖气费减免",
    beneficiaries: "疫情期间停业或营业受限的市场商户",
    conditions: "在营商户，持有市场摊位",
    amounts: "按采暖面积减免，每户最高 3000 元",
    opensOn: addDays(today, -340),
    deadline: addDays(today, -90),
    capFen: 300_000,
    status: "closed",
  });
  // This winter's: open now, nobody has applied yet.
  await policy({
    kind: "heating_relief",
    title: `${today.slice(0, 4)}—${Number(today.slice(0, 4)) + 1} 采暖季暖气费减免`,
    beneficiaries: "经营困难的市场商户",
    conditions: "在营商户，持有市场摊位",
    amounts: "按采暖面积减免，每户最高 3000 元",
    opensOn: addDays(today, -3),
    deadline: addDays(today, 27),
    capFen: 300_000,
    status: "open",
  });

  // Relief applications, each taken through its steps: applied → reviewed → approved → disbursed → closed.
  const reliefs: Insertable<ReliefApplicationTable>[] = [];
  const settled = (
    policyId: number,
    merchantId: number,
    amountFen: number,
    disbursedOn: string,
    payer: string,
    loan: { rateBp: number; termMonths: number } | null,
  ) => {
    const applied = stationInstant(addDays(disbursedOn, -r.int(12, 25)), "10:00").toISOString();
    const reviewed = stationInstant(addDays(disbursedOn, -r.int(8, 11)), "15:00").toISOString();
    const approved = stationInstant(addDays(disbursedOn, -r.int(2, 7)), "11:00").toISOString();
    const disbursedAt = stationInstant(disbursedOn, "16:00").toISOString();
    const closed = addDays(disbursedOn, 10) <= today;
    reliefs.push({
      station_id: stationId,
      policy_id: policyId,
      merchant_id: merchantId,
      status: closed ? "closed" : "disbursed",
      channel: r.chance(0.4) ? "phone" : "staff",
      requested_fen: amountFen,
      reason: loan ? "疫情期间资金周转困难" : "疫情期间停业",
      document_ids: "[]",
      applied_by_user_id: ctx.staffUserId,
      applied_at: applied,
      reviewed_at: reviewed,
      reviewed_by_user_id: ctx.staffUserId,
      review_note: "材料齐全",
      approved_fen: amountFen,
      approved_at: approved,
      approved_by_user_id: ctx.staffUserId,
      rejected_reason: null,
      disbursed_fen: amountFen,
      disbursed_on: disbursedOn,
      payer,
      loan_principal_fen: loan ? amountFen : null,
      loan_rate_bp: loan?.rateBp ?? null,
      loan_subsidy_fen: loan ? Math.round((amountFen * loan.rateBp * loan.termMonths) / 12 / 10_000) : null,
      loan_term_months: loan?.termMonths ?? null,
      disbursed_at: disbursedAt,
      disbursed_by_user_id: ctx.staffUserId,
      closed_at: closed ? stationInstant(addDays(disbursedOn, 10), "10:00").toISOString() : null,
      updated_at: closed ? stationInstant(addDays(disbursedOn, 10), "10:00").toISOString() : disbursedAt,
    });
  };
  // Two waves: the first about ten months ago, the second about four.
  const waveDate = (i: number) => addDays(today, i % 2 === 0 ? -r.int(290, 320) : -r.int(110, 140));

  const f = economyFigures;
  const loanMerchants = shuffled(r, merchants).slice(0, f.loans.count);
  const principals = distribute(r, f.loans.principalFen, f.loans.count, 100_000, 20, 70);
  for (const [i, m] of loanMerchants.entries()) {
    settled(loanPolicy, m, principals[i], waveDate(i), r.pick(lenders), { rateBp: 365, termMonths: r.pick([12, 24]) });
  }

  const reliefOrder = shuffled(r, merchants);
  const reliefMerchants = reliefOrder.slice(0, f.relief.merchants);
  const rent = distribute(r, f.relief.rentFen, f.relief.merchants, 1_000);
  for (const [i, m] of reliefMerchants.entries()) settled(rentPolicy, m, rent[i], waveDate(i), "天源市场业主委员会", null);
  const heatingMerchants = reliefMerchants.slice(0, f.relief.heatingMerchants);
  const heating = distribute(r, f.relief.heatingFen, f.relief.heatingMerchants, 1_000);
  for (const [i, m] of heatingMerchants.entries()) settled(heatingPolicy, m, heating[i], waveDate(i), "克拉玛依天源物业服务有限公司", null);

  // Eligible, not reached: some applied and were turned down, one withdrew, two waited past the deadline.
  const notReached = reliefOrder.slice(f.relief.merchants);
  for (const [i, m] of notReached.slice(0, 5).entries()) {
    const appliedAt = stationInstant(addDays(today, -r.int(100, 300)), "10:00").toISOString();
    const status = i < 2 ? "rejected" : i === 2 ? "withdrawn" : "reviewed";
    reliefs.push({
      station_id: stationId,
      policy_id: rentPolicy,
      merchant_id: m,
      status,
      channel: "phone",
      requested_fen: 300_000,
      reason: "疫情期间营业受限",
      document_ids: "[]",
      applied_by_user_id: ctx.staffUserId,
      applied_at: appliedAt,
      reviewed_at: status === "withdrawn" ? null : appliedAt,
      reviewed_by_user_id: status === "withdrawn" ? null : ctx.staffUserId,
      review_note: null,
      approved_fen: null,
      approved_at: null,
      approved_by_user_id: null,
      rejected_reason: status === "rejected" ? "疫情期间未停业，不符合减免条件" : null,
      disbursed_fen: null,
      disbursed_on: null,
      payer: null,
      loan_principal_fen: null,
      loan_rate_bp: null,
      loan_subsidy_fen: null,
      loan_term_months: null,
      disbursed_at: null,
      disbursed_by_user_id: null,
      closed_at: null,
      updated_at: appliedAt,
    });
  }
  for (let i = 0; i < reliefs.length; i += 100) {
    await trx
      .insertInto("relief_applications")
      .values(reliefs.slice(i, i + 100))
      .execute();
  }

  // Monthly operating status: confirmed by most merchants most months; none closed, three renovations.
  const renovating = new Map(
    shuffled(r, merchants)
      .slice(0, 3)
      .map((m, i) => [m, shiftMonth(month, -(2 + i * 3))]),
  );
  const months: Insertable<MerchantOperatingMonthTable>[] = [];
  for (let k = 11; k >= 1; k--) {
    const m0 = shiftMonth(month, -k);
    const confirmedAt = stationInstant(addDays(monthRange(m0).to, 1), "10:00").toISOString();
    for (const m of merchants) {
      if (!r.chance(0.9) && renovating.get(m) !== m0) continue;
      const renovation = renovating.get(m) === m0;
      months.push({
        station_id: stationId,
        merchant_id: m,
        month: m0,
        status: renovation ? "suspended" : "open",
        cause: renovation ? "renovation" : null,
        reason: renovation ? "店面装修" : null,
        confirmed_by_user_id: ctx.staffUserId,
        confirmed_at: confirmedAt,
      });
    }
  }
  for (let i = 0; i < months.length; i += 200) {
    await trx
      .insertInto("merchant_operating_months")
      .values(months.slice(i, i + 200))
      .execute();
  }

  // Directed consumption: 89 enterprises mobilised by the petrochemical company's Party committee.
  const unitId = ctx.units.石化公司党委 ?? null;
  const names = new Set<string>();
  while (names.size < f.consumption.enterprises) {
    names.add(`克拉玛依${r.pick(enterpriseWords.places)}${r.pick(enterpriseWords.trades)}有限公司`);
  }
  const enterpriseIds: number[] = [];
  for (const name of names) {
    const row = await trx
      .insertInto("economy_enterprises")
      .values({
        station_id: stationId,
        name,
        contact_name: `${r.pick(["王", "李", "张", "刘", "陈", "杨", "赵", "马"])}${r.pick(["工会主席", "办公室主任", "后勤主管"])}`,
        contact_title: "工会",
        mobilised_by_unit_id: unitId,
        created_at: stationInstant(yearAgo, "09:00").toISOString(),
        updated_at: stationInstant(yearAgo, "09:00").toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    enterpriseIds.push(row.id);
  }
  // Purchases over the year: 20 per enterprise on average; those older than a fortnight confirmed (3.705 M yuan).
  const perEnterprise = enterpriseIds.map(() => r.int(14, 26));
  const confirmedCount = perEnterprise.reduce((a, b) => a + b, 0);
  const amounts = distribute(r, f.consumption.confirmedFen, confirmedCount, 100, 3, 20);
  const purchases: Insertable<EconomyPurchaseTable>[] = [];
  const pledgeTotals = new Map<number, number>();
  let seq = 0;
  const invoice = () => `TY${today.slice(0, 4)}${String(++seq).padStart(6, "0")}`;
  let k = 0;
  for (const [e, count] of perEnterprise.entries()) {
    for (let j = 0; j < count; j++, k++) {
      const on = addDays(today, -r.int(15, 360));
      const amount = amounts[k];
      purchases.push({
        station_id: stationId,
        enterprise_id: enterpriseIds[e],
        merchant_id: r.pick(merchants),
        amount_fen: amount,
        purchased_on: on,
        invoice_no: invoice(),
        status: "confirmed",
        import_id: null,
        recorded_by_user_id: ctx.staffUserId,
        recorded_at: stationInstant(addDays(on, 1), "10:00").toISOString(),
        confirmed_at: stationInstant(addDays(on, r.int(1, 5)), "18:00").toISOString(),
        confirmed_by_user_id: null,
      });
      pledgeTotals.set(enterpriseIds[e], (pledgeTotals.get(enterpriseIds[e]) ?? 0) + amount);
    }
  }
  // The last fortnight's, recorded and waiting for the merchants' confirmation (not counted yet).
  for (let j = 0; j < 24; j++) {
    const on = addDays(today, -r.int(1, 14));
    purchases.push({
      station_id: stationId,
      enterprise_id: r.pick(enterpriseIds),
      merchant_id: j < 2 ? ctx.merchantId : r.pick(merchants),
      amount_fen: r.int(50, 400) * 1_000,
      purchased_on: on,
      invoice_no: invoice(),
      status: "pending",
      import_id: null,
      recorded_by_user_id: ctx.staffUserId,
      recorded_at: stationInstant(on, "20:00").toISOString(),
      confirmed_at: null,
      confirmed_by_user_id: null,
    });
  }
  for (let i = 0; i < purchases.length; i += 200) {
    await trx
      .insertInto("economy_purchases")
      .values(purchases.slice(i, i + 200))
      .execute();
  }
  // Monthly pledges: each enterprise pledged about a twelfth of its year, some a little more than they bought.
  const pledges = [];
  for (const id of enterpriseIds) {
    const monthly = Math.round(((pledgeTotals.get(id) ?? 0) * (r.int(90, 115) / 100)) / 12 / 10_000) * 10_000;
    for (let m = 11; m >= 0; m--) pledges.push({ enterprise_id: id, period: shiftMonth(month, -m), amount_fen: monthly });
  }
  for (let i = 0; i < pledges.length; i += 200) {
    await trx
      .insertInto("economy_pledges")
      .values(pledges.slice(i, i + 200))
      .execute();
  }

  // The funding ledger.
  const projectId = async (name: string) =>
    (await trx.selectFrom("projects").select("id").where("station_id", "=", stationId).where("name", "=", name).executeTakeFirst())?.id ??
    null;
  const stationProject = await projectId("党群服务站建设");
  const stageProject = await projectId("百姓大舞台");
  const nightProject = await projectId("天源夜市");
  const source = async (name: string, kind: "company" | "district_finance" | "hotel" | "merchants", fen: number, on: string) =>
    (
      await trx
        .insertInto("funding_sources")
        .values({
          station_id: stationId,
          name,
          kind,
          received_fen: fen,
          received_on: on,
          allocated_fen: fen,
          note: null,
          created_at: stationInstant(on, "10:00").toISOString(),
          updated_at: stationInstant(on, "10:00").toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const allocation = async (sourceId: number, project: number | null, activity: string | null, fen: number, on: string, key: string) =>
    (
      await trx
        .insertInto("funding_allocations")
        .values({
          station_id: stationId,
          source_id: sourceId,
          project_id: project,
          activity: project === null ? activity : null,
          amount_fen: fen,
          share_bp: 10_000,
          split_key: key,
          spent_fen: 0,
          allocated_on: on,
          note: null,
          created_by_user_id: ctx.staffUserId,
          created_at: stationInstant(on, "11:00").toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  let spentInAll = 0;
  const spend = async (allocationId: number, items: [string, string, number][], from: string, requestedLast = false) => {
    let spent = 0;
    for (const [i, [payee, purpose, fen]] of items.entries()) {
      const on = addDays(from, 7 + i * 9);
      const pending = requestedLast && i === items.length - 1;
      await trx
        .insertInto("funding_expenditures")
        .values({
          station_id: stationId,
          allocation_id: allocationId,
          amount_fen: fen,
          spent_on: on,
          payee,
          purpose,
          receipt_ids: "[]",
          status: pending ? "requested" : "approved",
          requested_by_user_id: ctx.staffUserId,
          requested_at: stationInstant(on, "10:00").toISOString(),
          decided_by_user_id: pending ? null : ctx.staffUserId,
          decided_at: pending ? null : stationInstant(on, "16:00").toISOString(),
          decision_note: null,
        })
        .execute();
      spent += fen;
    }
    await trx.updateTable("funding_allocations").set({ spent_fen: spent }).where("id", "=", allocationId).execute();
    spentInAll += spent;
  };
  const stationOn = addDays(today, -350);
  const company = await source("克拉玛依石化公司", "company", f.funding.companyFen, stationOn);
  const district = await source("克拉玛依区财政局", "district_finance", f.funding.districtFen, addDays(stationOn, 5));
  const hotel = await source("翼龙宾馆", "hotel", f.funding.hotelFen, addDays(today, -300));
  const night = await source("天源市场龙头商户", "merchants", f.funding.nightMarketFen, addDays(today, -250));
  const a1 = await allocation(company, stationProject, "党群服务站建设", f.funding.companyFen, stationOn, "station-company");
  const a2 = await allocation(district, stationProject, "党群服务站建设", f.funding.districtFen, addDays(stationOn, 5), "station-district");
  await spend(
    a1,
    [
      ["克拉玛依华美装饰工程有限公司", "服务站装修", 6_200_000],
      ["新疆办公家具城", "办公桌椅、档案柜", 2_300_000],
      ["克拉玛依数码港", "电脑、打印机", 1_500_000],
    ],
    stationOn,
  );
  await spend(
    a2,
    [
      ["克拉玛依广告制作中心", "标识标牌、宣传栏", 1_800_000],
      ["新疆图书发行集团", "党建书屋图书", 2_400_000],
      ["克拉玛依华美装饰工程有限公司", "便民服务区改造", 4_100_000],
      ["克拉玛依数码港", "大屏显示设备", 1_350_000],
    ],
    addDays(stationOn, 5),
  );
  const a3 = await allocation(hotel, stageProject, "百姓大舞台", f.funding.hotelFen, addDays(today, -300), "stage-hotel");
  await spend(
    a3,
    [
      ["克拉玛依钢构工程有限公司", "舞台钢结构", 26_000_000],
      ["乌鲁木齐声光设备有限公司", "音响灯光", 14_500_000],
      ["克拉玛依广告制作中心", "舞台背景与围挡", 5_200_000],
    ],
    addDays(today, -300),
  );
  const a4 = await allocation(night, nightProject, "天源夜市", f.funding.nightMarketFen, addDays(today, -250), "night-merchants");
  await spend(
    a4,
    [
      ["克拉玛依市政工程有限公司", "夜市场地硬化与排水", 62_000_000],
      ["克拉玛依钢构工程有限公司", "摊位棚架", 48_000_000],
      ["克拉玛依供电公司", "照明与用电增容", 31_000_000],
      ["克拉玛依广告制作中心", "夜市门楼与导视", 9_000_000],
      ["克拉玛依天源物业服务有限公司", "夜市保洁与安保（首季）", 12_000_000],
    ],
    addDays(today, -250),
    true,
  );

  // The projects' outcome figures, linked to the records they are counted from.
  const link = async (project: string, lines: [string, string, number | null][]) => {
    const id = await projectId(project);
    if (id === null) return;
    await trx
      .insertInto("project_figures")
      .values(
        lines.map(([figure, label, policyId], position) => ({
          project_id: id,
          figure: figure as "policy_reached",
          policy_id: policyId,
          label,
          position,
          created_at: at,
        })),
      )
      .execute();
  };
  await link("“两免一贴”创业担保贴息贷款", [
    ["policy_reached", "受益商户", loanPolicy],
    ["policy_disbursed", "贷款金额", loanPolicy],
  ]);
  await link("房租、暖气费减免", [
    ["policy_reached", "受益商户", rentPolicy],
    ["policy_disbursed", "房租减免", rentPolicy],
    ["policy_disbursed", "暖气费减免", heatingPolicy],
  ]);
  await link("园区企业定向消费", [
    ["consumption_enterprises", "参与企业", null],
    ["consumption_confirmed", "定向消费金额", null],
  ]);
  // The station's, the stage's and the night market's money from the ledger; what they produced from the counter's,
  // the stage's and the night market's own records; the holiday promotions' uplift from their events.
  const ledger: [string, string, null][] = [
    ["ledger_allocated", "到位资金", null],
    ["ledger_spent", "已支出", null],
  ];
  await link("党群服务站建设", [...ledger, ["counter_items", "驻站便民服务事项", null]]);
  await link("百姓大舞台", [...ledger, ["stage_teams", "常态化演出的文艺团队", null]]);
  await link("天源夜市", [
    ...ledger,
    ["night_visitors", "每晚客流", null],
    ["night_turnover", "每晚营业额（平均）", null],
    ["night_jobs", "吸纳就业", null],
  ]);
  await link("节日主题促销", [
    ["promotion_visits", "增加客流", null],
    ["promotion_takings", "增加营业额", null],
  ]);

  return {
    policies: 4,
    reliefApplications: reliefs.length,
    operatingMonths: months.length,
    enterprises: enterpriseIds.length,
    purchases: purchases.length,
    fundingSources: 4,
    fundingSpentFen: spentInAll,
  };
}
