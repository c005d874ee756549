// Reports over HTTP, on the demo: a draft from the seed's template, edits that keep the figures, a generated
// version whose Word document opens, has the four sections, cites each figure with the dictionary's value for the
// same scope and period and lists them in the appendix; the stored document downloads identically; regenerating
// after a record changes shows the change; scopes out of reach are 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import type { FigureValue } from "../../../contracts/figures.ts";
import { formatFigure, placeholdersOf, type ReportDetail, type ReportFigure } from "../../../contracts/reports.ts";
import { createTestApp, dialectName, type Session, TEST_NOW, type TestApp } from "../../test/helpers.ts";
import { docxText } from "./docx-text.ts";

describe(`reports (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let district: Session;
  let other: Session;
  let stationId: number;
  let districtId: number;
  // The station's current year and month (the suite's clock may be on another UTC day).
  const today = stationDate(TEST_NOW);
  const year = today.slice(0, 4);

  beforeAll(async () => {
    t = await createTestApp();
    [staff, district, other] = await Promise.all([t.login("staff"), t.login("district"), t.login("youyi")]);
    const units = await t.database.db.selectFrom("org_units").select(["id", "name", "kind"]).execute();
    stationId = units.find((u) => u.name === "天源市场党群服务站")?.id ?? 0;
    districtId = units.find((u) => u.kind === "district")?.id ?? 0;
  });
  afterAll(() => t.close());

  const create = async (s: Session, payload: object) => t.as(s, { method: "POST", url: "/api/reports", payload });

  it("starts the acceptance report from the seed's four sections, figures as placeholders", async () => {
    const res = await create(staff, { kind: "acceptance", scope: `station:${stationId}`, period: year });
    expect(res.statusCode, res.body).toBe(201);
    const r: ReportDetail = res.json();
    expect(r.sections.map((s) => s.heading)).toEqual([
      "一、破壁垒促联合，建强“红色堡垒”",
      "二、强谋划整资源，打造“红色阵地”",
      "三、创载体建平台，激发“红色动能”",
      "四、挖潜力树特色，绘就“红色名片”",
    ]);
    expect(r.paragraphs.some((p) => p.text.includes("{economy.loans_count}"))).toBe(true);
    const items = r.figures.find((f) => f.id === "counter.service_items");
    expect(items?.missing).toBe(false);
    // A figure the dictionary does not define (yet) is marked missing, shown as 待统计.
    const unknown = r.figures.find((f) => f.missing);
    if (unknown) expect(unknown.text).toBe("待统计");
  });

  it("refuses an edit that drops or invents a figure, naming the paragraph, and writes nothing", async () => {
    const r: ReportDetail = (await create(staff, { kind: "acceptance", scope: `station:${stationId}`, period: year })).json();
    const p = r.paragraphs.find((x) => x.text.includes("{counter.service_items}")) ?? r.paragraphs[0];
    const dropped = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: p.id, text: p.text.replace("{counter.service_items}", "32项") }] },
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.id).toBe("report.placeholders_changed");
    expect(dropped.json().error.fields[0].field).toBe(`paragraphs.${p.id}`);
    expect(dropped.json().error.message).toContain(p.id);
    const invented = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: p.id, text: `${p.text}{counter.requests_done}{counter.made_up}` }] },
    });
    expect(invented.statusCode).toBe(400);
    expect(invented.json().error.fields[0].field).toBe(`paragraphs.${p.id}`);
    const unknownParagraph = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: "p9.9", text: "x" }] },
    });
    expect(unknownParagraph.statusCode).toBe(400);
    const after: ReportDetail = (await t.as(staff, { method: "GET", url: `/api/reports/${r.id}` })).json();
    expect(after.version).toBe(r.version);
    expect(after.paragraphs).toEqual(r.paragraphs);
    // Words may change, figures stay (and may move).
    const text = `经过调研，${placeholdersOf(p.text)
      .map((id) => `{${id}}`)
      .join("、")}均已落实。`;
    const ok = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: p.id, text }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().paragraphs.find((x: { id: string }) => x.id === p.id).text).toBe(text);
    const stale = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: p.id, text }] },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("generates a docx that opens, has the four sections, cites the dictionary's values and lists them; downloads identically; regenerating shows a changed record", async () => {
    const r: ReportDetail = (await create(staff, { kind: "acceptance", scope: `station:${stationId}`, period: year })).json();
    const edited = r.paragraphs.find((p) => p.id === "p2.1");
    const e = await t.as(staff, {
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      payload: { version: r.version, paragraphs: [{ id: "p2.1", text: `${edited?.text}（已修改）` }] },
    });
    expect(e.statusCode, e.body).toBe(200);
    const g = await t.as(staff, { method: "POST", url: `/api/reports/${r.id}/generate`, payload: { version: r.version + 1 } });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json().number).toBe(1);
    const v1 = (await t.as(staff, { method: "GET", url: `/api/reports/${r.id}/versions/1` })).json();

    const d1 = await t.as(staff, { method: "GET", url: `/api/reports/${r.id}/versions/1/docx` });
    expect(d1.statusCode).toBe(200);
    expect(d1.headers["content-type"]).toContain("wordprocessingml");
    const doc = await docxText(d1.rawPayload);
    for (const h of [
      "一、破壁垒促联合，建强“红色堡垒”",
      "二、强谋划整资源，打造“红色阵地”",
      "三、创载体建平台，激发“红色动能”",
      "四、挖潜力树特色，绘就“红色名片”",
    ])
      expect(doc.body).toContain(h);
    expect(doc.body.some((p) => p.includes("（已修改）"))).toBe(true);
    expect(doc.body).toContain("附录：指标及出处");

    // Every figure cited: its value equals the dictionary's for the same scope and period, it is in the text,
    // its footnote cites it, and the appendix lists it.
    const present = (v1.figures as ReportFigure[]).filter((f) => !f.missing);
    expect(present.length).toBeGreaterThan(0);
    const values: FigureValue[] = (
      await t.as(staff, {
        method: "GET",
        url: `/api/figures/values?scope=station:${stationId}&period=${year}&ids=${present.map((f) => f.id).join(",")}`,
      })
    ).json();
    const appendix = doc.body.slice(doc.body.indexOf("附录：指标及出处"));
    for (const f of present) {
      const v = values.find((x) => x.id === f.id);
      expect(f.value, f.id).toBe(v?.value);
      expect(f.citation?.recordSetHash, f.id).toBe(v?.citation.recordSetHash);
      expect(f.citation?.recordCount, f.id).toBe(v?.citation.recordCount);
      expect(f.text).toBe(formatFigure(v?.value ?? null, f.unit, f.unitLabel));
      expect(doc.body.join("\n"), f.id).toContain(f.text);
      expect(
        doc.footnotes.some(
          (n) =>
            n.includes(`指标 ${f.id}`) &&
            n.includes(`station:${stationId}`) &&
            n.includes(`记录 ${v?.citation.recordCount} 条`) &&
            n.includes(v?.citation.recordSetHash.slice(0, 12) ?? "?"),
        ),
        f.id,
      ).toBe(true);
      expect(appendix, f.id).toContain(f.id);
    }
    for (const f of v1.figures as ReportFigure[]) expect(appendix).toContain(f.id);
    // The charts are images.
    expect(doc.media.length).toBeGreaterThan(0);

    // The stored document downloads byte for byte the same.
    const again = await t.as(staff, { method: "GET", url: `/api/reports/${r.id}/versions/1/docx` });
    expect(Buffer.compare(again.rawPayload, d1.rawPayload)).toBe(0);

    // A record changes: a service item is taken off the catalogue.
    const items = (await t.as(staff, { method: "GET", url: `/api/services/items?stationId=${stationId}&pageSize=200` })).json().items;
    const item = items.find((i: { active: boolean }) => i.active);
    const off = await t.as(staff, {
      method: "PATCH",
      url: `/api/services/items/${item.id}`,
      payload: { active: false, version: item.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    const g2 = await t.as(staff, { method: "POST", url: `/api/reports/${r.id}/generate`, payload: { version: r.version + 1 } });
    expect(g2.statusCode, g2.body).toBe(201);
    expect(g2.json().number).toBe(2);
    const diff = (await t.as(staff, { method: "GET", url: `/api/reports/${r.id}/diff?from=1&to=2` })).json();
    const moved = diff.figures.find((f: { id: string }) => f.id === "counter.service_items");
    expect(moved?.change).toBe("value");
    expect(moved.afterCount).toBe(moved.beforeCount - 1);
    expect(diff.paragraphs).toEqual([]);
    // Version 1 still downloads as it was.
    const old = await t.as(staff, { method: "GET", url: `/api/reports/${r.id}/versions/1/docx` });
    expect(Buffer.compare(old.rawPayload, d1.rawPayload)).toBe(0);

    // The audit log has the creation, the edit and both generations.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "report")
      .where("object_id", "=", String(r.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["report.created", "report.edited", "report.generated", "report.generated"]);
  });

  it("keeps reports inside the reader's reach", async () => {
    const r: ReportDetail = (await create(staff, { kind: "acceptance", scope: `station:${stationId}`, period: year })).json();
    expect((await t.as(other, { method: "GET", url: `/api/reports/${r.id}` })).statusCode).toBe(404);
    expect((await t.as(other, { method: "GET", url: `/api/reports/${r.id}/versions/1/docx` })).statusCode).toBe(404);
    expect((await create(other, { kind: "acceptance", scope: `station:${stationId}`, period: year })).statusCode).toBe(404);
    const list = (await t.as(other, { method: "GET", url: "/api/reports?pageSize=100" })).json();
    expect(list.items.some((x: { id: number }) => x.id === r.id)).toBe(false);
    expect((await t.as(district, { method: "GET", url: `/api/reports/${r.id}` })).statusCode).toBe(200);
    // The kind decides the scope: an acceptance report is a station's.
    const wrong = await create(district, { kind: "acceptance", scope: `district:${districtId}`, period: year });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe("scope");
    const badPeriod = await create(staff, { kind: "monthly", scope: `station:${stationId}`, period: year });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.fields[0].field).toBe("period");
  });

  it("makes the monthly report and the district summary with the stations side by side", async () => {
    const month = today.slice(0, 7);
    const m: ReportDetail = (await create(staff, { kind: "monthly", scope: `station:${stationId}`, period: month })).json();
    expect(m.title).toContain("工作月报");
    const gm = await t.as(staff, { method: "POST", url: `/api/reports/${m.id}/generate`, payload: { version: m.version } });
    expect(gm.statusCode, gm.body).toBe(201);
    const dm = await docxText((await t.as(staff, { method: "GET", url: `/api/reports/${m.id}/versions/1/docx` })).rawPayload);
    expect(dm.body.some((p) => p.includes("本月"))).toBe(true);

    const res = await create(district, { kind: "district", scope: `district:${districtId}`, period: year });
    expect(res.statusCode, res.body).toBe(201);
    const d: ReportDetail = res.json();
    const gd = await t.as(district, { method: "POST", url: `/api/reports/${d.id}/generate`, payload: { version: d.version } });
    expect(gd.statusCode, gd.body).toBe(201);
    const dd = await docxText((await t.as(district, { method: "GET", url: `/api/reports/${d.id}/versions/1/docx` })).rawPayload);
    expect(dd.body).toContain("各站并列");
    expect(dd.body).toContain("天源市场党群服务站");
    // A station's staff do not see the district's summary.
    expect((await t.as(staff, { method: "GET", url: `/api/reports/${d.id}` })).statusCode).toBe(404);
  });
});
