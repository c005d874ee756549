// Notices in the recipient's language: every text of the catalogue in both languages, and a notice of each
// module rendered per recipient (in-app row and SMS copy), on the suite's database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type NoticeId,
  type NoticeKind,
  type NoticeParams,
  noticeCatalogue,
  noticeKindLabel,
  renderNotice,
  sentence,
  weekdayWords,
} from "../../contracts/notices.ts";
import { createTestDatabase, dialectName, type TestDatabase } from "../test/helpers.ts";
import { systemClock } from "./clock.ts";
import { Notifier, type OutboundMessage } from "./notify.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const doubled = /[。，、；：！？]{2}|[。，；：][.,;:]|\.\.|，。|：。/u;

describe("the notice catalogue", () => {
  const ids = Object.keys(noticeCatalogue) as NoticeId[];
  it.each(ids)("%s has both languages with the same placeholders, English without Chinese", (id) => {
    const text = noticeCatalogue[id];
    for (const part of ["title", "body"] as const) {
      expect(text[part]["zh-CN"].length).toBeGreaterThan(0);
      expect(text[part].en.length).toBeGreaterThan(0);
      expect(placeholders(text[part].en)).toEqual(placeholders(text[part]["zh-CN"]));
      expect(text[part].en).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u);
    }
  });

  it.each(ids)("%s never doubles punctuation, whatever the writer ended their text with", (id) => {
    const names = new Set([...placeholders(noticeCatalogue[id].title["zh-CN"]), ...placeholders(noticeCatalogue[id].body["zh-CN"])]);
    for (const ending of ["。", "！", ".", "", "；"]) {
      const params = Object.fromEntries([...names].map((n) => [n, sentence(`内容${ending}`)]));
      for (const language of ["zh-CN", "en"] as const) {
        const { title, body } = renderNotice(id, params, language);
        expect(`${title} ${body}`, `${id} ${language} ${ending}`).not.toMatch(doubled);
        expect(body).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("names every kind of notification in words: a step's kind by its own label, a notice's by its title", () => {
    expect(noticeKindLabel("problem.accept", "zh-CN")).toBe("问题受理");
    expect(noticeKindLabel("service.checked_in", "en")).toBe("Checked in at the counter");
    expect(noticeKindLabel("problem.overdue", "zh-CN")).toBe(noticeCatalogue["problem.overdue"].title["zh-CN"]);
    expect(noticeKindLabel("card.issued", "en")).toBe(noticeCatalogue["card.issued"].title.en);
    // A kind the catalogue does not know (an old row, a template for a kind since renamed) is shown as it is.
    expect(noticeKindLabel("something.else", "zh-CN")).toBe("something.else");
  });

  it("a submission says it was received, not accepted; acceptance is its own notice", () => {
    const submitted = renderNotice("problem.submitted", { title: "积水", code: "TY-1", station: "天源" }, "zh-CN");
    expect(`${submitted.title}${submitted.body}`).not.toContain("受理登记");
    expect(submitted.title).toBe("问题已提交");
    expect(renderNotice("problem.accepted", { title: "积水", code: "TY-1", station: "天源" }, "zh-CN").title).toBe("问题已受理");
    expect(renderNotice("problem.short_weight_submitted", { code: "TY-2", station: "天源" }, "zh-CN").title).not.toContain("受理");
  });
});

/** One notice of each module, as its service sends it: who reads English gets English, who reads Chinese gets Chinese. */
const cases: { module: string; notice: NoticeId; params: NoticeParams; zh: string[]; en: string[] }[] = [
  {
    module: "problems",
    notice: "problem.resolved",
    params: { title: "通道积水", code: "TY-001", station: "天源社区党群服务站", note: sentence("已疏通排水沟。") },
    zh: ["问题已办结，请评价", "您反映的问题「通道积水」（TY-001）已办结：已疏通排水沟。请确认并评价。"],
    en: ["Report resolved: please rate it", "Your report “通道积水” (TY-001) has been resolved: 已疏通排水沟. Please confirm and rate it."],
  },
  {
    module: "counter",
    notice: "service.checked_in",
    params: { item: "营业执照变更", queueNo: 7, station: "天源社区党群服务站" },
    zh: ["已取号", "您在天源社区党群服务站办理的「营业执照变更」已取号：第 7 号，请留意窗口叫号。"],
    en: ["Queue number taken", "Your “营业执照变更” at 天源社区党群服务站 has queue number 7. Please watch for it to be called."],
  },
  {
    module: "lending",
    notice: "loan.lent",
    params: { item: "轮椅", code: "LD-0001", due: "2026-11-25 17:00", station: "天源社区党群服务站" },
    zh: ["便民物品借用登记", "您在天源社区党群服务站借用了轮椅（LD-0001），请于 2026-11-25 17:00 前归还。"],
    en: ["Item lent to you", "You borrowed 轮椅 (LD-0001) from 天源社区党群服务站. Please return it by 2026-11-25 17:00."],
  },
  {
    module: "caring",
    notice: "meal.missed",
    params: { name: "王秀兰", date: "2026-11-18", weekday: weekdayWords(3), hour: 13 },
    zh: ["爱心餐未送达", "王秀兰 2026-11-18（周三）的爱心餐截至 13:00 未确认送达，请及时联系核实。"],
    en: [
      "Caring meal not delivered",
      "The caring meal for 王秀兰 on Wednesday 2026-11-18 was not confirmed as delivered by 13:00. Please check.",
    ],
  },
  {
    module: "party",
    notice: "party.development_overdue",
    params: { name: "李明", step: { "zh-CN": "谈话记录", en: "Talk with the applicant" }, due: "2026-11-10" },
    zh: ["发展党员步骤已超期", "李明：谈话记录，已于 2026-11-10 到期。"],
    en: ["Party development step overdue", "李明: “Talk with the applicant” was due on 2026-11-10."],
  },
  {
    module: "duty",
    notice: "redshield.session_cancelled",
    params: { date: "2026-11-20", slot: "10:00", station: "天源社区党群服务站", reason: sentence("区局集中培训。") },
    zh: [
      "红盾驿站场次取消",
      "您预约的 2026-11-20 10:00 天源社区党群服务站红盾先锋驿站咨询已取消：区局集中培训。可在“红盾驿站”预约其他场次。",
    ],
    en: [
      "Red Shield session cancelled",
      "Your Red Shield consultation at 天源社区党群服务站 on 2026-11-20 at 10:00 is cancelled: 区局集中培训. You can book another session under “Red Shield”.",
    ],
  },
];

describe(`notices follow the recipient's language (${dialectName})`, () => {
  let t: TestDatabase;
  let zhUser: number;
  let enUser: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    zhUser = (await db.selectFrom("users").select("id").where("username", "=", "shanghu").executeTakeFirstOrThrow()).id;
    enUser = (await db.selectFrom("users").select("id").where("username", "=", "staff").executeTakeFirstOrThrow()).id;
    await db.updateTable("users").set({ locale: "zh-CN" }).where("id", "=", zhUser).execute();
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", enUser).execute();
  });
  afterAll(() => t.drop());

  it.each(cases)("$module: $notice", async (c) => {
    const sent: OutboundMessage[] = [];
    const outbox = new Notifier({ send: (m) => void sent.push(m) }, { info: () => {}, warn: () => {} }, systemClock).outbox();
    // A kind of the case's own (outside the catalogue of kinds), so its rows are found among the demo's.
    const kind = `test.${c.module}` as NoticeKind;
    await t.database.db.transaction().execute(async (trx) => {
      await outbox.addMany(trx, [zhUser, enUser], { kind, notice: c.notice, params: c.params, link: null });
    });
    await outbox.deliver();
    const rows = await t.database.db.selectFrom("notifications").select(["user_id", "title", "body"]).where("kind", "=", kind).execute();
    expect(rows.find((r) => r.user_id === zhUser)).toMatchObject({ title: c.zh[0], body: c.zh[1] });
    expect(rows.find((r) => r.user_id === enUser)).toMatchObject({ title: c.en[0], body: c.en[1] });
    expect(sent.find((m) => m.userId === zhUser)?.text).toBe(`${c.zh[0]}：${c.zh[1]}`);
    expect(sent.find((m) => m.userId === enUser)?.text).toBe(`${c.en[0]}: ${c.en[1]}`);
  });
});
