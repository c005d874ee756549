// What the big screen may show: token hashing, masked names, small counts withheld in figures and series of
// people, and which figures a part draws by month.
import { describe, expect, it } from "vitest";
import type { FigureDefinitionInfo, FigureSeries, FigureValue } from "../../../contracts/figures.ts";
import { isSmallCount, maskPersonName } from "../../../contracts/screen.ts";
import { screenFigure, screenSeries } from "./screen.presenter.ts";
import { chartedOf, hashToken } from "./screen.service.ts";

const def = (over: Partial<FigureDefinitionInfo> = {}): FigureDefinitionInfo => ({
  id: "party.candidates",
  module: "party",
  part: 1,
  name: { "zh-CN": "发展对象", en: "Candidates" },
  shortName: { "zh-CN": "发展对象", en: "Candidates" },
  definition: { "zh-CN": "", en: "" },
  unit: "count",
  unitLabel: { "zh-CN": "名", en: "" },
  aggregate: "count",
  period: "range",
  scopes: ["station", "street", "district"],
  thresholds: null,
  comparable: true,
  personal: true,
  ...over,
});
const value = (v: number | null): FigureValue => ({
  id: "x",
  value: v,
  unit: "count",
  rag: "green",
  citation: { figure: "x", scope: "station:1", from: "2026-01-01", to: "2026-12-31", computedAt: "", recordCount: 0, recordSetHash: "" },
});

describe("kiosk tokens", () => {
  it("are kept as their SHA-256 (hex), the same token giving the same hash", () => {
    expect(hashToken("ddk_abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("ddk_abc")).toBe(hashToken("ddk_abc"));
    expect(hashToken("ddk_abc")).not.toBe(hashToken("ddk_abd"));
  });
});

describe("names on the screen", () => {
  it("keep the first and last characters only", () => {
    expect(maskPersonName("努尔古丽")).toBe("努**丽");
    expect(maskPersonName("努斯丽")).toBe("努*丽");
    expect(maskPersonName("张三")).toBe("张*");
    expect(maskPersonName(" 王 ")).toBe("王");
    expect(maskPersonName("")).toBe("");
  });
});

describe("a figure's name on the screen", () => {
  it("is its short name (the room of a row), the series' too", () => {
    const long = def({
      name: { "zh-CN": "房租、暖气费减免惠及商户", en: "Merchants given rent or heating relief" },
      shortName: { "zh-CN": "房租、暖气费减免惠及商户", en: "Merchants relieved" },
      personal: false,
    });
    expect(screenFigure(long, value(9)).name).toEqual({ "zh-CN": "房租、暖气费减免惠及商户", en: "Merchants relieved" });
    expect(screenSeries(long, { ...value(9), by: "month", series: [] }, "month").name.en).toBe("Merchants relieved");
  });
});

describe("small counts", () => {
  it("are 1 and 2 (0 says nothing about anyone; 3 and more are shown)", () => {
    expect([0, 1, 2, 3, 10].map(isSmallCount)).toEqual([false, true, true, false, false]);
  });

  it("withhold a figure of people counted 1 or 2, and its red/yellow/green", () => {
    expect(screenFigure(def(), value(2))).toMatchObject({ value: null, masked: true, rag: null });
    expect(screenFigure(def(), value(1))).toMatchObject({ value: null, masked: true });
    expect(screenFigure(def(), value(0))).toMatchObject({ value: 0, masked: false });
    expect(screenFigure(def(), value(9))).toMatchObject({ value: 9, masked: false, rag: "green" });
    // Figures whose records are not people, and sums, are shown whatever their size.
    expect(screenFigure(def({ personal: false }), value(2))).toMatchObject({ value: 2, masked: false });
    expect(screenFigure(def({ aggregate: "sum", unit: "fen" }), value(2))).toMatchObject({ value: 2, masked: false });
  });

  it("withhold a series point made of 1 or 2 people's records and mask names used as keys", () => {
    const s: FigureSeries = {
      ...value(12),
      by: "key",
      series: [
        { key: "努尔古丽", value: 10, recordCount: 10 },
        { key: "张三", value: 2, recordCount: 2 },
      ],
    };
    expect(screenSeries(def(), s, "key").points).toEqual([
      { key: "努**丽", value: 10, masked: false },
      { key: "张*", value: null, masked: true },
    ]);
    expect(screenSeries(def({ personal: false }), s, "key").points[1]).toEqual({ key: "张三", value: 2, masked: false });
  });
});

describe("the charts of a part", () => {
  it("are its headline figures where the dictionary has them, else its first figures over a range", () => {
    const defs = [
      def({ id: "volunteers.teams", part: 4, period: "snapshot", personal: false }),
      def({ id: "events.culture_events", part: 4, personal: false }),
      def({ id: "volunteers.hours", part: 4, aggregate: "sum", unit: "minutes" }),
    ];
    expect(chartedOf(4, defs).map((d) => d.id)).toEqual(["volunteers.hours", "events.culture_events"]);
    expect(chartedOf(3, [def({ id: "caring.shops", part: 3, period: "snapshot" }), def({ id: "x.y", part: 3 })]).map((d) => d.id)).toEqual([
      "x.y",
    ]);
    expect(chartedOf(2, [])).toEqual([]);
  });
});
