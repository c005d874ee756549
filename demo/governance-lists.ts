// The services list, the needs list and the projects at Tianyuan (part of the governance year, demo/governance.ts):
// offers the alliance units publish, needs merchants raised (some matched, some in projects), and the projects the
// report names with their budgets, funding and outcome figures.
import type { Transaction } from "kysely";
import { stationDate, stationInstant } from "../contracts/calendar.ts";
import type { NeedKind, NeedStatus, OfferKind, ProjectStatus } from "../contracts/lists.ts";
import type { DB } from "../server/db/tables.ts";
import type { GovernanceContext } from "./governance.ts";

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();

export async function loadServiceLists(
  trx: Transaction<DB>,
  ctx: GovernanceContext,
  year: { start: Date; staff: { id: number; name: string }; counts: { offers: number; needs: number; projects: number } },
) {
  const { start, staff, counts } = year;
  // Offers the units put on the services list, needs raised by merchants, and the projects the report names.
  const offer = async (unit: string, title: string, description: string, kind: OfferKind, amountFen: number | null) => {
    const row = await trx
      .insertInto("offers")
      .values({
        station_id: ctx.stationId,
        unit_id: ctx.units[unit],
        title,
        description,
        kind,
        amount_fen: amountFen,
        status: "active",
        created_at: iso(start),
        updated_at: iso(start),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.offers++;
    return row.id;
  };
  const consumptionOffer = await offer(
    "石化公司党委",
    "园区企业定向消费",
    "组织园区企业职工食堂、工会福利定向到天源市场采购",
    "resource",
    null,
  );
  const loanOffer = await offer(
    "区人力资源和社会保障局",
    "创业担保贴息贷款",
    "“两免一贴”政策：符合条件的小微商户申请创业担保贷款并享受贴息",
    "money",
    209_000_000,
  );
  await offer(
    "区市场监督管理局",
    "红盾先锋驿站现场服务",
    "每月两次：年报申报、证照变更、名称预核、合同备案、消费维权、纠纷调解",
    "service",
    null,
  );
  await offer("区司法局", "法律讲座与调解", "检察官、律师普法讲座，人民调解员驻站调解", "people", null);
  await offer("区团委", "共享雨伞与小黄车", "服务站提供共享雨伞和共享单车，青年志愿者维护", "resource", null);

  const need = async (title: string, description: string, kind: NeedKind, status: NeedStatus, offerId: number | null) => {
    const row = await trx
      .insertInto("needs")
      .values({
        station_id: ctx.stationId,
        title,
        description,
        kind,
        status,
        raised_by_user_id: ctx.merchantUserId,
        raised_by_name: ctx.merchantName,
        offer_id: offerId,
        project_id: null,
        created_at: iso(new Date(start.getTime() + 10 * DAY)),
        updated_at: iso(new Date(start.getTime() + 10 * DAY)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    counts.needs++;
    return row.id;
  };
  const customersNeed = await need(
    "客流下降，希望引进稳定客源",
    "居民外迁后客流减少，希望有企业和单位定点采购。",
    "customers",
    "in_project",
    consumptionOffer,
  );
  const fundingNeed = await need("资金周转困难", "疫情后进货资金紧张，希望获得低息贷款。", "funding", "in_project", loanOffer);
  await need("希望开展电商直播培训", "商户希望学习直播带货，拓宽销售渠道。", "training", "open", null);
  await need("夜市摊位用电需求", "夜市摊主需要统一的临时用电接口。", "facility", "open", null);

  const project = async (
    name: string,
    description: string,
    owner: string,
    participants: string[],
    budgetFen: number,
    funding: { source: string; amountFen: number }[],
    startDate: string,
    endDate: string | null,
    status: ProjectStatus,
    outcomes: { label: string; value: number; unit: string }[],
    needIds: number[],
  ) => {
    const row = await trx
      .insertInto("projects")
      .values({
        station_id: ctx.stationId,
        name,
        description,
        owner_unit_id: ctx.units[owner],
        budget_fen: budgetFen,
        funding_json: JSON.stringify(funding),
        start_date: startDate,
        end_date: endDate,
        status,
        percent: status === "completed" ? 100 : 60,
        outcomes_json: JSON.stringify(outcomes),
        cancel_reason: null,
        created_at: `${startDate}T01:00:00.000Z`,
        updated_at: `${endDate ?? startDate}T01:00:00.000Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const p of participants) await trx.insertInto("project_units").values({ project_id: row.id, unit_id: ctx.units[p] }).execute();
    await trx
      .insertInto("project_updates")
      .values({
        project_id: row.id,
        note: status === "completed" ? "项目完成，成效已统计" : "项目推进中",
        percent: status === "completed" ? 100 : 60,
        actor_user_id: staff.id,
        actor_name: staff.name,
        at: stationInstant(endDate ?? startDate, "10:00").toISOString(),
      })
      .execute();
    for (const n of needIds) await trx.updateTable("needs").set({ project_id: row.id }).where("id", "=", n).execute();
    counts.projects++;
  };
  const y = stationDate(start).slice(0, 4);
  await project(
    "园区企业定向消费",
    "石化公司党委牵头，动员园区89家企业通过职工食堂采购、工会福利等方式到天源市场定向消费。",
    "石化公司党委",
    ["天源商圈联席会议", "区市场监督管理局"],
    0,
    [],
    `${y}-03-01`,
    `${y}-12-31`,
    "completed",
    // Its figures (enterprises, confirmed consumption) are linked to the purchase records (demo/economy.ts).
    [],
    [customersNeed],
  );
  await project(
    "“两免一贴”创业担保贴息贷款",
    "协助困难商户申请创业担保贷款并享受贴息。",
    "区人力资源和社会保障局",
    ["银河路街道网格化服务管理中心"],
    209_000_000,
    // Merchants reached and the money lent are linked to the loan records (demo/economy.ts).
    [],
    `${y}-02-15`,
    `${y}-06-30`,
    "completed",
    [],
    [fundingNeed],
  );
  await project(
    "房租、暖气费减免",
    "疫情期间为商户减免房租和暖气费，全市场129户无一户关门。",
    "天源市场业主委员会",
    ["克拉玛依天源物业服务有限公司"],
    28_400_000,
    // Merchants reached and the amounts are linked to the relief records (demo/economy.ts).
    [],
    `${y}-01-10`,
    `${y}-04-30`,
    "completed",
    [],
    [],
  );
  await project(
    "党群服务站建设",
    "石化公司与区财政共同出资建设天源市场党群服务站。",
    "石化公司党委",
    ["区团委", "区妇联"],
    20_000_000,
    // Its funding is the ledger's (the petrochemical company's and district finance's allocations, demo/economy.ts).
    [],
    `${y}-01-05`,
    `${y}-05-20`,
    "completed",
    // Its outcomes are figures read from the records they count (project_figures, demo/economy.ts).
    [],
    [],
  );
  await project(
    "节日主题促销",
    "六一、端午、国庆等节日开展主题促销活动。",
    "天源商圈理事会",
    ["银河路街道网格化服务管理中心"],
    0,
    [],
    `${y}-06-01`,
    `${y}-10-07`,
    "completed",
    // Its outcomes are figures read from the records they count (project_figures, demo/economy.ts).
    [],
    [],
  );
  await project(
    "百姓大舞台",
    "酒店投资建设百姓大舞台，舞蹈队常态化开展文化活动。",
    "某大酒店党支部",
    ["天源商圈理事会"],
    47_000_000,
    // Its funding is the ledger's (翼龙宾馆's allocation, demo/economy.ts).
    [],
    `${y}-04-01`,
    `${y}-08-01`,
    "completed",
    // Its outcomes are figures read from the records they count (project_figures, demo/economy.ts).
    [],
    [],
  );
  await project(
    "天源夜市",
    "投资建设夜市，带动夜间经济和就业。",
    "天源商圈联席会议",
    ["克拉玛依天源物业服务有限公司", "区市场监督管理局"],
    180_000_000,
    // Its funding is the ledger's (the leading merchants' allocation, demo/economy.ts).
    [],
    `${y}-05-01`,
    null,
    "active",
    // Its outcomes are figures read from the records they count (project_figures, demo/economy.ts).
    [],
    [],
  );
}
