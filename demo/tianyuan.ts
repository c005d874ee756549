// The Tianyuan Market demo data set (DESIGN.md §8): the org tree, the station, 129 merchants with their stalls,
// residents, the seven kinds of alliance units, and a demo account for every role. Figures the report states
// are reproduced exactly; people's names are invented.
// It is the one place that calls every area's loader in order (each lives in its own demo/<area>.ts), so it runs a
// little over 500 lines: the registry generators above the loader, the loader after them.
import type { Insertable, Kysely, Transaction } from "kysely";
import type { Role } from "../contracts/access.ts";
import type { AllianceUnitKind } from "../contracts/alliance-units.ts";
import type { MerchantCategory } from "../contracts/merchants.ts";
import type { OrgKind } from "../contracts/org.ts";
import type { DB, MerchantStatusChangeTable, MerchantTable, ResidentTable } from "../server/db/tables.ts";
import { ensureDefaultCategories } from "../server/modules/problems/problems.repository.ts";
import { ProblemsService } from "../server/modules/problems/problems.service.ts";
import { appendAudit, systemActor } from "../server/platform/audit.ts";
import { SettableClock } from "../server/platform/clock.ts";
import type { Vault } from "../server/platform/crypto.ts";
import { FilesService } from "../server/platform/files.ts";
import { logGateway, Notifier } from "../server/platform/notify.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { loadCaring } from "./caring.ts";
import { loadCounter } from "./counter.ts";
import { loadDuty } from "./duty.ts";
import { loadEconomy } from "./economy.ts";
import { loadEvents } from "./events.ts";
import { loadGovernance } from "./governance.ts";
import { makeCreditCode, makeIdNumber, makeMobile } from "./identifiers.ts";
import { loadLending } from "./lending.ts";
import { givenNames, shopWords, streets, surnames } from "./names.ts";
import { loadNightMarket } from "./night-market.ts";
import { loadParty } from "./party.ts";
import { type Random, seeded } from "./random.ts";
import { loadVolunteers } from "./volunteers.ts";
import { loadYouyi } from "./youyi.ts";

export const DEMO_PASSWORD = "Dandelion@2026";

/** 129 merchants across the report's five trades (plus a few others). */
export const merchantMix: Record<MerchantCategory, number> = {
  supermarket: 14,
  catering: 38,
  non_staple_food: 30,
  fruit_vegetable: 33,
  pharmacy: 6,
  other: 8,
};

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  note: string;
}

type Db = Kysely<DB> | Transaction<DB>;

export async function insertOrgUnit(
  db: Db,
  parent: { id: number; path: string } | null,
  kind: OrgKind,
  name: string,
  code: string,
  timestamp: string,
  address: string | null = null,
) {
  const row = await db
    .insertInto("org_units")
    .values({ parent_id: parent?.id ?? null, kind, name, code, path: "", address, created_at: timestamp })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? "/"}${row.id}/`;
  await db.updateTable("org_units").set({ path }).where("id", "=", row.id).execute();
  return { id: row.id, path };
}

export const personName = (r: Random) => r.pick(surnames) + r.pick(givenNames);

export function merchantName(r: Random, category: MerchantCategory, operator: string, used: Set<string>) {
  for (;;) {
    const word = r.pick(shopWords[category]);
    const name = r.chance(0.5)
      ? `${operator.slice(0, 1)}记${word}`
      : `${r.pick(["老", "小", "鑫", "金", "福", "鸿", "顺", "兴", "丰", "源"])}${r.pick(["王", "李", "张", "马", "刘", "陈"])}${word}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export async function insertMerchants(
  db: Db,
  vault: Vault,
  r: Random,
  stationId: number,
  mix: Record<MerchantCategory, number>,
  serialStart: number,
  timestamp: string,
) {
  const used = new Set<string>();
  const values: Insertable<MerchantTable>[] = [];
  let serial = serialStart;
  for (const [category, count] of Object.entries(mix) as [MerchantCategory, number][]) {
    for (let i = 0; i < count; i++) {
      serial++;
      const operator = personName(r);
      const mobile = makeMobile(r, 10_000_000 + serial);
      const fromYear = r.int(2015, 2024);
      values.push({
        station_id: stationId,
        name: merchantName(r, category, operator, used),
        category,
        operator_name: operator,
        mobile_enc: vault.encrypt(mobile),
        mobile_hash: vault.blindIndex(mobile),
        credit_code: makeCreditCode(serial),
        licence_valid_from: `${fromYear}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        licence_valid_to: r.chance(0.3) ? null : `${fromYear + 10}-12-31`,
        status: "open",
        is_party_member: 0,
        note: null,
        created_at: timestamp,
        updated_at: timestamp,
      });
    }
  }
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 200) {
    const rows = await db
      .insertInto("merchants")
      .values(values.slice(i, i + 200))
      .returning("id")
      .execute();
    ids.push(...rows.map((x) => x.id));
  }
  const changes = ids.map(
    (id): Insertable<MerchantStatusChangeTable> => ({
      merchant_id: id,
      from_status: null,
      to_status: "open",
      reason: null,
      actor_user_id: null,
      at: timestamp,
    }),
  );
  for (let i = 0; i < changes.length; i += 500)
    await db
      .insertInto("merchant_status_changes")
      .values(changes.slice(i, i + 500))
      .execute();
  return ids;
}

/** Stalls laid out in rows along the market's aisles (coordinates in decimetres on a 1000 × 600 plan). */
export async function insertStalls(db: Db, stationId: number, merchantIds: number[], extra: number, timestamp: string) {
  const values = [];
  const total = merchantIds.length + extra;
  for (let i = 0; i < total; i++) {
    const row = Math.floor(i / 16);
    const col = i % 16;
    values.push({
      station_id: stationId,
      code: `${String.fromCharCode(65 + row)}${String(col + 1).padStart(2, "0")}`,
      area: 12 + ((i * 7) % 30),
      x: 20 + col * 60,
      y: 20 + row * 70 + (row % 2) * 10,
      w: 54,
      h: 50,
      merchant_id: i < merchantIds.length ? merchantIds[i] : null,
      created_at: timestamp,
      updated_at: timestamp,
    });
  }
  for (let i = 0; i < values.length; i += 200)
    await db
      .insertInto("stalls")
      .values(values.slice(i, i + 200))
      .execute();
}

export async function insertResidents(
  db: Db,
  vault: Vault,
  r: Random,
  stationId: number,
  count: number,
  serialStart: number,
  timestamp: string,
) {
  const values: Insertable<ResidentTable>[] = [];
  const thisYear = Number(timestamp.slice(0, 4));
  for (let i = 0; i < count; i++) {
    const serial = serialStart + i;
    const elderly = r.chance(0.25);
    const birthYear = elderly ? r.int(1936, thisYear - 61) : r.int(1960, 2006);
    const idNumber = makeIdNumber(r, birthYear, serial);
    const mobile = r.chance(0.85) ? makeMobile(r, 20_000_000 + serial) : null;
    const livesAlone = elderly && r.chance(0.35);
    values.push({
      station_id: stationId,
      name: personName(r),
      gender: Number(idNumber[16]) % 2 === 1 ? "male" : "female",
      birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      mobile_enc: mobile ? vault.encrypt(mobile) : null,
      mobile_hash: mobile ? vault.blindIndex(mobile) : null,
      id_number_enc: vault.encrypt(idNumber),
      id_number_hash: vault.blindIndex(idNumber),
      address: `${r.pick(streets)}${r.int(1, 200)}号${r.int(1, 12)}栋${r.int(1, 6)}单元${r.int(101, 602)}室`,
      grid: `第${r.int(1, 8)}网格`,
      is_liaison_head: r.chance(0.06) ? 1 : 0,
      lives_alone: livesAlone ? 1 : 0,
      is_elderly: thisYear - birthYear >= 60 ? 1 : 0,
      consents: JSON.stringify(r.chance(0.7) ? ["contact", "caring_services"] : ["contact"]),
      note: null,
      created_at: timestamp,
      updated_at: timestamp,
    });
  }
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 200) {
    const rows = await db
      .insertInto("residents")
      .values(values.slice(i, i + 200))
      .returning("id")
      .execute();
    ids.push(...rows.map((x) => x.id));
  }
  return ids;
}

const allianceUnits: { kind: AllianceUnitKind; name: string; contact: string; offers: string }[] = [
  { kind: "joint_conference", name: "天源商圈联席会议", contact: "商圈联席会议办公室", offers: "定期召开联席会议，协调解决商圈重大问题" },
  { kind: "council", name: "天源商圈理事会", contact: "理事长", offers: "头部商户月度议事，收集商户诉求，组织节日促销" },
  { kind: "owners_committee", name: "天源市场业主委员会", contact: "业委会主任", offers: "物业费公示监督，业主意见征集" },
  {
    kind: "property_company",
    name: "克拉玛依天源物业服务有限公司",
    contact: "物业经理",
    offers: "市场保洁、消杀、设施维修、大门开放时间调整",
  },
  { kind: "grid_centre", name: "银河路街道网格化服务管理中心", contact: "网格中心主任", offers: "网格员巡查、矛盾纠纷排查、政策宣传" },
  { kind: "party_committee_member", name: "石化公司党委", contact: "党群工作部", offers: "服务站建设资金、园区企业定向消费、志愿者" },
  { kind: "party_committee_member", name: "某大酒店党支部", contact: "综合办公室", offers: "百姓大舞台建设与文化活动" },
  { kind: "party_committee_member", name: "区团委", contact: "青年工作部", offers: "青年志愿者、共享雨伞与小黄车" },
  { kind: "party_committee_member", name: "区妇联", contact: "权益部", offers: "妇女维权宣传、巾帼志愿服务" },
  {
    kind: "department",
    name: "区市场监督管理局",
    contact: "红盾先锋驿站",
    offers: "年报申报、证照变更、名称预核、合同备案、消费维权、纠纷调解",
  },
  { kind: "department", name: "区卫生健康委员会", contact: "基层卫生科", offers: "健康咨询、义诊、公共卫生宣传" },
  { kind: "department", name: "区人力资源和社会保障局", contact: "就业服务科", offers: "就业登记、创业担保贴息贷款" },
  { kind: "department", name: "区司法局", contact: "法律援助中心", offers: "法律咨询、普法讲座" },
];

/** The seven kinds of alliance units at a station; `market` names the market's own ones (天源商圈理事会, 友谊商圈理事会…). */
export async function insertAllianceUnits(db: Db, vault: Vault, r: Random, stationId: number, timestamp: string, market = "天源") {
  const ids: Record<string, number> = {};
  for (const [i, unit] of allianceUnits.entries()) {
    const u = { ...unit, name: unit.name.replace("天源", market) };
    const mobile = makeMobile(r, 30_000_000 + i);
    const row = await db
      .insertInto("alliance_units")
      .values({
        station_id: stationId,
        name: u.name,
        kind: u.kind,
        contact_name: `${personName(r)}（${u.contact}）`,
        contact_mobile_enc: vault.encrypt(mobile),
        contact_mobile_hash: vault.blindIndex(mobile),
        address: `${r.pick(streets)}${r.int(1, 300)}号`,
        offers: u.offers,
        status: "active",
        created_at: timestamp,
        updated_at: timestamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[u.name] = row.id;
  }
  return ids;
}

/** Loads the demo market as it stands at `now` (the clock's instant): a year of history before it, plans after it. */
export async function loadTianyuan(db: Kysely<DB>, vault: Vault, now: Date): Promise<DemoAccount[]> {
  const r = seeded(20241);
  const timestamp = now.toISOString();
  // The services the loader calls read this clock: it starts at `now` and runs on while the market is written.
  const clock = new SettableClock(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const city = await insertOrgUnit(trx, null, "district", "克拉玛依区", "650203", timestamp);
    const street = await insertOrgUnit(trx, city, "street", "银河路街道", "650203-01", timestamp);
    const community = await insertOrgUnit(trx, street, "community", "天源社区", "650203-01-01", timestamp);
    const station = await insertOrgUnit(
      trx,
      community,
      "station",
      "天源市场党群服务站",
      "650203-01-01-S1",
      timestamp,
      "克拉玛依区天源路天源市场",
    );
    const otherCommunity = await insertOrgUnit(trx, street, "community", "友谊社区", "650203-01-02", timestamp);
    const otherStation = await insertOrgUnit(
      trx,
      otherCommunity,
      "station",
      "友谊市场党群服务站",
      "650203-01-02-S1",
      timestamp,
      "克拉玛依区友谊路友谊市场",
    );

    const merchantIds = await insertMerchants(trx, vault, r, station.id, merchantMix, 0, timestamp);
    // The branch's merchant member is one of the market's own (the report: one Party member among merchants).
    await trx.updateTable("merchants").set({ is_party_member: 1 }).where("id", "=", merchantIds[3]).execute();
    await insertStalls(trx, station.id, merchantIds, 11, timestamp);
    const residentIds = await insertResidents(trx, vault, r, station.id, 320, 0, timestamp);
    const units = await insertAllianceUnits(trx, vault, r, station.id, timestamp);

    // A neighbouring station, so the district has more than one and scopes can be seen at work.
    const otherMerchants = await insertMerchants(
      trx,
      vault,
      seeded(7),
      otherStation.id,
      { supermarket: 3, catering: 6, non_staple_food: 4, fruit_vegetable: 5, pharmacy: 1, other: 1 },
      5000,
      timestamp,
    );
    await insertStalls(trx, otherStation.id, otherMerchants, 4, timestamp);
    const otherResidents = await insertResidents(trx, vault, seeded(8), otherStation.id, 40, 5000, timestamp);
    const otherUnits = await insertAllianceUnits(trx, vault, seeded(9), otherStation.id, timestamp, "友谊");

    const merchantUser = await trx
      .selectFrom("merchants")
      .select(["id", "operator_name", "mobile_enc"])
      .where("id", "=", merchantIds[0])
      .executeTakeFirstOrThrow();
    const residentUser = await trx
      .selectFrom("residents")
      .select(["id", "name", "mobile_enc"])
      .where("mobile_enc", "is not", null)
      .where("id", "in", residentIds)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    // Merchants and residents sign in with the mobile number on their record as well as their username.
    const mobileOf = (enc: string | null) => (enc ? vault.decrypt(enc) : null);
    const accounts: (DemoAccount & { org: number; unit?: number; merchant?: number; resident?: number; mobile?: string | null })[] = [
      { username: "admin", role: "platform_admin", displayName: "平台管理员", org: city.id, note: "整个平台" },
      {
        username: "district",
        role: "district_officer",
        displayName: "区委组织部 周海燕",
        org: city.id,
        note: "克拉玛依区全部服务站（只读汇总）",
      },
      { username: "zhanzhang", role: "station_admin", displayName: "站长 李建华", org: station.id, note: "天源市场党群服务站站长" },
      { username: "staff", role: "station_staff", displayName: "工作人员 王丽娟", org: station.id, note: "服务站全能型工作人员" },
      { username: "shuji", role: "branch_secretary", displayName: "支部书记 马志强", org: station.id, note: "天源市场党支部书记" },
      {
        username: "scjg",
        role: "department_officer",
        displayName: "市场监管局 赵德明",
        org: station.id,
        unit: units.区市场监督管理局,
        note: "区市场监督管理局（职能部门）",
      },
      {
        username: "wuye",
        role: "alliance_contact",
        displayName: "物业经理 陈国强",
        org: station.id,
        unit: units.克拉玛依天源物业服务有限公司,
        note: "天源物业（联盟单位）",
      },
      {
        username: "shanghu",
        role: "merchant",
        displayName: merchantUser.operator_name,
        org: station.id,
        merchant: merchantUser.id,
        mobile: mobileOf(merchantUser.mobile_enc),
        note: "商户（手机端 /m/）",
      },
      {
        username: "jumin",
        role: "resident",
        displayName: residentUser.name,
        org: station.id,
        resident: residentUser.id,
        mobile: mobileOf(residentUser.mobile_enc),
        note: "居民（手机端 /m/）",
      },
      { username: "zhiyuanzhe", role: "volunteer", displayName: "志愿者 努尔古丽", org: station.id, note: "志愿者（手机端 /m/）" },
      { username: "youyi", role: "station_admin", displayName: "站长 孙文华", org: otherStation.id, note: "友谊市场党群服务站站长" },
    ];
    for (const a of accounts) {
      await trx
        .insertInto("users")
        .values({
          username: a.username,
          display_name: a.displayName,
          password_hash: passwordHash,
          role: a.role,
          org_unit_id: a.org,
          alliance_unit_id: a.unit ?? null,
          merchant_id: a.merchant ?? null,
          resident_id: a.resident ?? null,
          mobile_enc: a.mobile ? vault.encrypt(a.mobile) : null,
          mobile_hash: a.mobile ? vault.blindIndex(a.mobile) : null,
          status: "active",
          locale: "zh-CN",
          last_login_at: null,
          password_changed_at: timestamp,
          created_at: timestamp,
          updated_at: timestamp,
        })
        .execute();
    }
    const userId = async (username: string) =>
      await trx.selectFrom("users").select(["id", "display_name"]).where("username", "=", username).executeTakeFirstOrThrow();
    const staff = await userId("staff");
    const merchant = await userId("shanghu");
    const wuye = await userId("wuye");
    const scjg = await userId("scjg");
    await ensureDefaultCategories(trx, now);
    const silent = { info() {}, warn() {}, error() {} };
    const problems = new ProblemsService(trx, vault, new FilesService(trx, clock), new Notifier(logGateway(silent), silent, clock), clock);
    const governance = await loadGovernance(trx, seeded(31), {
      stationId: station.id,
      units,
      staffUserId: staff.id,
      staffName: staff.display_name,
      merchantUserId: merchant.id,
      merchantName: merchant.display_name,
      merchantStallId: null,
      unitUsers: [
        { userId: wuye.id, name: wuye.display_name, unitId: units.克拉玛依天源物业服务有限公司 },
        { userId: scjg.id, name: scjg.display_name, unitId: units.区市场监督管理局 },
      ],
      problems,
      now,
    });
    // The Party branch of three, its 9/5/2 pipeline, a year of branch life and the pioneer posts (issue 5).
    await loadParty(trx, vault, {
      stationId: station.id,
      communityId: community.id,
      partyMerchantId: merchantIds[3],
      secretaryUserId: (await userId("shuji")).id,
      bureauUserId: scjg.id,
      now,
    });
    // The caring scheme: caring shops, a year of award rounds, cards and redemptions, caring meals (issue 6).
    const caring = await loadCaring(trx, seeded(61), {
      stationId: station.id,
      staffUserId: staff.id,
      staffName: staff.display_name,
      merchantUserId: merchant.id,
      residentUserId: (await userId("jumin")).id,
      volunteerUserId: (await userId("zhiyuanzhe")).id,
      passwordHash,
      now,
    });
    // The station's counter: the duty roster and Red Shield post, the 32 services, lendable items, the fair scale (issue 4).
    const stationServices = {
      trx,
      vault,
      stationId: station.id,
      units,
      merchantIds,
      residentIds,
      staffUserId: staff.id,
      staffName: staff.display_name,
      bureauUserId: scjg.id,
      merchantUserId: merchant.id,
      merchantId: merchantUser.id,
      residentUserId: (await userId("jumin")).id,
      residentId: residentUser.id,
      volunteerUserId: (await userId("zhiyuanzhe")).id,
      problems,
      now,
    };
    const duty = await loadDuty({ ...stationServices, r: seeded(71) });
    const counter = await loadCounter({ ...stationServices, r: seeded(72) });
    const lending = await loadLending({ ...stationServices, r: seeded(73) });
    // The volunteer service: four teams, forty volunteers, a year of the 16th and the 28th (issue 11).
    const volunteers = await loadVolunteers({
      trx,
      r: seeded(81),
      stationId: station.id,
      units,
      staffUserId: staff.id,
      volunteerUserId: (await userId("zhiyuanzhe")).id,
      passwordHash,
      merchantIds,
      residentIds,
      merchantId: merchantUser.id,
      residentId: residentUser.id,
      merchantUserId: merchant.id,
      residentUserId: (await userId("jumin")).id,
      now,
    });
    // Events and the people's stage: three holiday promotions with their uplift, the stage and its two teams, culture and publicity, environment rounds (issue 12).
    const events = await loadEvents({
      trx,
      r: seeded(91),
      stationId: station.id,
      units,
      staffUserId: staff.id,
      staffName: staff.display_name,
      merchantIds,
      residentIds,
      merchantId: merchantUser.id,
      residentUserId: (await userId("jumin")).id,
      residentId: residentUser.id,
      problems,
      now,
    });
    // The summer night market: a season of about ninety nights, its lottery, reports and jobs register (issue 13).
    const nightMarket = await loadNightMarket({
      trx,
      vault,
      r: seeded(92),
      stationId: station.id,
      staffUserId: staff.id,
      staffName: staff.display_name,
      merchantIds,
      merchantId: merchantUser.id,
      merchantUserId: merchant.id,
      problems,
      now,
    });
    // The merchant economy: loans, relief, survival, directed consumption and the funding ledger (issue 14).
    const economy = await loadEconomy({
      trx,
      r: seeded(91),
      stationId: station.id,
      units,
      merchantIds,
      staffUserId: staff.id,
      merchantId: merchantUser.id,
      now,
    });
    await appendAudit(trx, systemActor, {
      at: now,
      action: "demo.loaded",
      objectType: "station",
      objectId: station.id,
      stationId: station.id,
      after: {
        merchants: merchantIds.length,
        residents: residentIds.length,
        allianceUnits: Object.keys(units).length,
        accounts: accounts.length,
        ...governance,
        ...caring,
        ...duty,
        ...counter,
        ...lending,
        ...volunteers,
        ...events,
        ...nightMarket,
        ...economy,
      },
    });
    // The neighbouring station's smaller year, written after Tianyuan's (whose figures above stay its own).
    const youyi = await userId("youyi");
    const areaSeeds = { problems: 101, meetings: 102, counter: 103, caring: 104, lending: 105 } as const;
    const youyiFigures = await loadYouyi({
      trx,
      random: (area) => seeded(areaSeeds[area]),
      stationId: otherStation.id,
      units: otherUnits,
      merchantIds: otherMerchants,
      residentIds: otherResidents,
      adminUserId: youyi.id,
      adminName: youyi.display_name,
      problems,
      now,
    });
    await appendAudit(trx, systemActor, {
      at: now,
      action: "demo.loaded",
      objectType: "station",
      objectId: otherStation.id,
      stationId: otherStation.id,
      after: {
        merchants: otherMerchants.length,
        residents: otherResidents.length,
        allianceUnits: Object.keys(otherUnits).length,
        ...youyiFigures,
      },
    });
    const canteen = await userId("canting");
    return [
      ...accounts.map(({ username, role, displayName, note }) => ({ username, role, displayName, note })),
      { username: "canting", role: "merchant" as const, displayName: canteen.display_name, note: "爱心餐厅（手机端 /m/meals 确认送餐）" },
    ];
  });
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("org_units").select("id").limit(1).executeTakeFirst();
  return !row;
}
