// The dictionary over HTTP, on the demo: every figure's value equals what the records its drill-down returns add up
// to (for every figure any module defines), citations are stable, scopes outside a reader's reach are 404 and a
// period that does not parse is 400 naming it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateOf, type FigureDefinitionInfo, type FigureRecord } from "../../../contracts/figures.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the figures dictionary (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let district: Session;
  let other: Session;
  let stationId: number;
  let otherStationId: number;
  let districtId: number;
  let dictionary: FigureDefinitionInfo[];

  beforeAll(async () => {
    t = await createTestApp();
    [staff, district, other] = await Promise.all([t.login("staff"), t.login("district"), t.login("youyi")]);
    const units = await t.database.db.selectFrom("org_units").select(["id", "name", "kind"]).execute();
    stationId = units.find((u) => u.name === "天源市场党群服务站")?.id ?? 0;
    otherStationId = units.find((u) => u.name === "友谊市场党群服务站")?.id ?? 0;
    districtId = units.find((u) => u.kind === "district")?.id ?? 0;
    dictionary = (await t.as(staff, { method: "GET", url: "/api/figures" })).json();
  });
  afterAll(() => t.close());

  const allRecords = async (s: Session, id: string, query: string) => {
    const out: FigureRecord[] = [];
    for (let page = 1; ; page++) {
      const res = await t.as(s, { method: "GET", url: `/api/figures/${id}/records?${query}&page=${page}&pageSize=200` });
      expect(res.statusCode, `${id} ${res.body}`).toBe(200);
      const body = res.json();
      out.push(...body.items);
      if (out.length >= body.total) return { records: out, body };
    }
  };

  it("defines each figure once with both languages", () => {
    expect(dictionary.length).toBeGreaterThan(0);
    expect(new Set(dictionary.map((d) => d.id)).size).toBe(dictionary.length);
    for (const d of dictionary) {
      expect(d.name["zh-CN"], d.id).not.toBe("");
      expect(d.name.en, d.id).not.toBe("");
      expect(d.definition["zh-CN"], d.id).not.toBe("");
      expect(d.definition.en, d.id).not.toBe("");
    }
  });

  for (const period of ["last12", String(new Date(process.env.TEST_NOW ?? Date.now()).getUTCFullYear())]) {
    it(`gives every figure the value its records add up to (station, ${period})`, async () => {
      for (const d of dictionary.filter((x) => x.scopes.includes("station"))) {
        const q = `scope=station:${stationId}&period=${period}`;
        const value = (await t.as(staff, { method: "GET", url: `/api/figures/${d.id}?${q}` })).json();
        const { records, body } = await allRecords(staff, d.id, q);
        expect(value.value, d.id).toBe(aggregateOf(d.aggregate, records));
        expect(value.citation.recordCount, d.id).toBe(records.length);
        expect(value.citation.recordSetHash, d.id).toBe(body.value.citation.recordSetHash);
        expect(
          records.every((r) => r.stationId === stationId),
          d.id,
        ).toBe(true);
      }
    });
  }

  it("adds the stations' records up to the district's value", async () => {
    for (const d of dictionary.filter((x) => x.scopes.includes("district") && x.aggregate !== "avg" && x.aggregate !== "share")) {
      const whole = (await t.as(district, { method: "GET", url: `/api/figures/${d.id}?scope=district:${districtId}` })).json();
      const cmp = (await t.as(district, { method: "GET", url: `/api/figures/compare?scope=district:${districtId}&ids=${d.id}` })).json();
      const parts = cmp.figures[0].values.reduce((s: number, v: { value: number | null }) => s + (v.value ?? 0), 0);
      expect(parts, d.id).toBe(whole.value);
      expect(cmp.figures[0].of, d.id).toBe(cmp.stations.length);
    }
  });

  it("answers the same citation twice for the same records", async () => {
    const id = dictionary[0].id;
    const a = (await t.as(staff, { method: "GET", url: `/api/figures/${id}` })).json();
    const b = (await t.as(staff, { method: "GET", url: `/api/figures/${id}` })).json();
    expect(b.citation.recordSetHash).toBe(a.citation.recordSetHash);
    expect(a.citation.scope).toBe(`station:${stationId}`);
  });

  it("hides scopes outside the reader's reach and names a bad period", async () => {
    const id = dictionary[0].id;
    expect((await t.as(other, { method: "GET", url: `/api/figures/${id}?scope=station:${stationId}` })).statusCode).toBe(404);
    expect((await t.as(staff, { method: "GET", url: `/api/figures/${id}?scope=district:${districtId}` })).statusCode).toBe(404);
    expect((await t.as(staff, { method: "GET", url: `/api/figures/${id}/records?scope=station:${otherStationId}` })).statusCode).toBe(404);
    const bad = await t.as(staff, { method: "GET", url: `/api/figures/${id}?period=2026-13` });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad)).toContain("querystring.period");
    const scope = await t.as(staff, { method: "GET", url: `/api/figures/${id}?scope=planet:1` });
    expect(scope.statusCode).toBe(400);
    expect((await t.as(staff, { method: "GET", url: "/api/figures/nothing.here" })).statusCode).toBe(404);
  });

  it("breaks a figure down by month over the whole period", async () => {
    const id = dictionary[0].id;
    const s = (await t.as(staff, { method: "GET", url: `/api/figures/${id}/series?by=month&period=last12` })).json();
    expect(s.series.length).toBeGreaterThanOrEqual(12);
    if (s.aggregate === "count")
      expect(s.series.reduce((n: number, p: { recordCount: number }) => n + p.recordCount, 0)).toBe(s.citation.recordCount);
  });
});
