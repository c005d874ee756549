// How figures read on the big screen, and how the canvas fits a display.
import { describe, expect, it } from "vitest";
import { chartValue, fitCanvas, monthLabel, shownValue } from "../web/screen/format.ts";

const f = (value: number | null, unit: "count" | "fen" | "minutes" | "percent", masked = false) => ({
  value,
  unit,
  masked,
  unitLabel: { "zh-CN": "家", en: "" },
});

describe("a figure on the screen", () => {
  it("reads large sums in 万元 (en: ¥ k or M), minutes as hours, counts with their word", () => {
    expect(shownValue(f(370_500_000, "fen"), "zh-CN")).toEqual({ number: "370.5", unit: "万元" });
    expect(shownValue(f(370_500_000, "fen"), "en")).toEqual({ number: "¥3.71M", unit: "" });
    expect(shownValue(f(17_500_000, "fen"), "en")).toEqual({ number: "¥175k", unit: "" });
    expect(shownValue(f(9_900, "fen"), "zh-CN")).toEqual({ number: "99", unit: "元" });
    expect(shownValue(f(186_000, "minutes"), "zh-CN")).toEqual({ number: "3,100", unit: "小时" });
    expect(shownValue(f(90, "minutes"), "en")).toEqual({ number: "1.5", unit: "h" });
    expect(shownValue(f(1260, "count"), "zh-CN")).toEqual({ number: "1,260", unit: "家" });
    expect(shownValue(f(87.5, "percent"), "zh-CN")).toEqual({ number: "87.5", unit: "%" });
  });

  it("shows a withheld small count as <3 and nothing as —", () => {
    expect(shownValue(f(null, "count", true), "zh-CN")).toEqual({ number: "<3", unit: "家" });
    expect(shownValue(f(null, "count"), "zh-CN")).toEqual({ number: "—", unit: "" });
  });

  it("charts money in yuan and minutes in hours, months as 3月 / Mar", () => {
    expect(chartValue(12_345, "fen")).toBe(123);
    expect(chartValue(90, "minutes")).toBe(1.5);
    expect(chartValue(null, "count")).toBeNull();
    expect(monthLabel("2026-03", "zh-CN")).toBe("3月");
    expect(monthLabel("2026-12", "en")).toBe("Dec");
  });
});

describe("the 1920×1080 canvas", () => {
  it("is scaled whole to the display and centred (letterboxed)", () => {
    expect(fitCanvas(1920, 1080)).toEqual({ scale: 1, left: 0, top: 0 });
    expect(fitCanvas(3840, 2160).scale).toBe(2);
    expect(fitCanvas(1280, 1024)).toEqual({ scale: 2 / 3, left: 0, top: 152 });
    const wide = fitCanvas(2560, 1080);
    expect(wide).toEqual({ scale: 1, left: 320, top: 0 });
  });
});
