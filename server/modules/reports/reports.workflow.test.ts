// The template rules (figures kept, none invented) and the difference between two versions.
import { describe, expect, it } from "vitest";
import { formatFigure, placeholderChange, placeholdersOf, type ReportFigure, splitTemplate } from "../../../contracts/reports.ts";
import { applyEdits, diffVersions } from "./reports.workflow.ts";

const p = (id: string, text: string) => ({ id, section: 1, text, original: text });
const draft = [p("p1.1", "共帮助商铺办理贴息贷款{economy.loans_count}，合计{economy.loans_fen}。"), p("p1.2", "没有数字的句子。")];

describe("placeholders", () => {
  it("reads the figures a sentence cites, in order, twice when cited twice", () => {
    expect(placeholdersOf("{a.b}和{c.d_2}以及{a.b}")).toEqual(["a.b", "c.d_2", "a.b"]);
    expect(placeholdersOf("{不是} {A.b} {a}")).toEqual([]);
  });
  it("cuts a sentence into words and figures", () => {
    expect(splitTemplate("贷款{economy.loans_count}家")).toEqual([{ text: "贷款" }, { figure: "economy.loans_count" }, { text: "家" }]);
    expect(splitTemplate("{a.b}")).toEqual([{ figure: "a.b" }]);
  });
  it("names what an edit dropped or invented", () => {
    expect(placeholderChange("{a.b}{c.d}", "改写了{c.d}，又{a.b}")).toBeNull();
    expect(placeholderChange("{a.b}{c.d}", "{a.b}")).toEqual({ dropped: ["c.d"], invented: [] });
    expect(placeholderChange("{a.b}", "{a.b}{x.y}")).toEqual({ dropped: [], invented: ["x.y"] });
    expect(placeholderChange("{a.b}{a.b}", "{a.b}")).toEqual({ dropped: ["a.b"], invented: [] });
    expect(placeholderChange("{a.b}", "{a.b}{a.b}")).toEqual({ dropped: [], invented: ["a.b"] });
  });
  it("formats values as the report prints them", () => {
    expect(formatFigure(209_000_000, "fen", "")).toBe("209万元");
    expect(formatFigure(28_400_000, "fen", "")).toBe("28.4万元");
    expect(formatFigure(5000, "fen", "")).toBe("50元");
    expect(formatFigure(47, "count", "家")).toBe("47家");
    expect(formatFigure(3500, "count", "人次")).toBe("3,500人次");
    expect(formatFigure(90, "minutes", "")).toBe("1.5小时");
    expect(formatFigure(86.54, "percent", "")).toBe("86.5%");
    expect(formatFigure(null, "count", "家")).toBeNull();
  });
});

describe("editing a draft", () => {
  it("takes new words with the same figures", () => {
    const r = applyEdits(draft, [{ id: "p1.1", text: "两次疫情共帮助{economy.loans_count}商铺贷款{economy.loans_fen}。" }]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.changed).toEqual(["p1.1"]);
      expect(r.paragraphs[0].text).toContain("两次疫情");
      expect(r.paragraphs[0].original).toBe(draft[0].original);
      expect(r.paragraphs[1]).toEqual(draft[1]);
    }
  });
  it("refuses dropping a figure, naming the paragraph", () => {
    const r = applyEdits(draft, [{ id: "p1.1", text: "共帮助商铺办理贴息贷款47家，合计{economy.loans_fen}。" }]);
    expect(r).toEqual({
      ok: false,
      refusal: { kind: "placeholders_changed", paragraph: "p1.1", dropped: ["economy.loans_count"], invented: [] },
    });
  });
  it("refuses inventing a figure, known or unknown", () => {
    const r = applyEdits(draft, [{ id: "p1.2", text: "没有数字的句子{counter.service_items}。" }]);
    expect(r).toEqual({
      ok: false,
      refusal: { kind: "placeholders_changed", paragraph: "p1.2", dropped: [], invented: ["counter.service_items"] },
    });
  });
  it("refuses a paragraph the report does not have", () => {
    expect(applyEdits(draft, [{ id: "p7.7", text: "x" }])).toEqual({
      ok: false,
      refusal: { kind: "unknown_paragraph", paragraph: "p7.7" },
    });
  });
  it("reports nothing changed for the same words", () => {
    const r = applyEdits(draft, [{ id: "p1.2", text: draft[1].text }]);
    expect(r.ok && r.changed).toEqual([]);
  });
});

describe("the difference between versions", () => {
  const fig = (id: string, value: number | null, hash: string, count = 1, missing = false): ReportFigure => ({
    id,
    name: id,
    unit: "count",
    unitLabel: "家",
    value,
    text: missing ? "待统计" : `${value}家`,
    missing,
    citation: missing
      ? null
      : {
          figure: id,
          scope: "station:1",
          from: "2026-01-01",
          to: "2026-12-31",
          computedAt: `${hash}-time`,
          recordCount: count,
          recordSetHash: hash,
        },
  });
  it("lists figures whose value or record set moved, added and removed ones, and edited sentences", () => {
    const a = {
      number: 1,
      figures: [
        fig("a.same", 1, "h1"),
        fig("a.value", 2, "h2"),
        fig("a.records", 3, "h3"),
        fig("a.gone", 4, "h4"),
        fig("a.new", null, "", 0, true),
      ],
      paragraphs: draft,
    };
    const b = {
      number: 2,
      figures: [
        fig("a.same", 1, "h1"),
        fig("a.value", 5, "h2x", 2),
        fig("a.records", 3, "h3x"),
        fig("a.gone", null, "", 0, true),
        fig("a.new", 7, "h7"),
      ],
      paragraphs: [draft[0], { ...draft[1], text: "改过的句子。" }],
    };
    const d = diffVersions(a, b);
    expect(d.from).toBe(1);
    expect(d.to).toBe(2);
    expect(d.figures.map((f) => [f.id, f.change])).toEqual([
      ["a.value", "value"],
      ["a.records", "records"],
      ["a.gone", "removed"],
      ["a.new", "added"],
    ]);
    expect(d.figures[0]).toMatchObject({ before: "2家", after: "5家", beforeCount: 1, afterCount: 2 });
    expect(d.paragraphs).toEqual([{ id: "p1.2", before: "没有数字的句子。", after: "改过的句子。" }]);
  });
  it("is empty between identical versions, whatever the computing times", () => {
    const a = { number: 1, figures: [fig("a.same", 1, "h1")], paragraphs: draft };
    expect(diffVersions(a, { ...a, number: 2 })).toEqual({ from: 1, to: 2, figures: [], paragraphs: [] });
  });
});
