import { describe, expect, it } from "vitest";
import { formatAmount, formatFigure, shortHash } from "./figure-format.ts";

describe("a figure's value as it reads", () => {
  it("shows money in 万元 in Chinese and in k or M yuan in English", () => {
    expect(formatFigure(209_000_000, "fen", { language: "zh-CN" })).toBe("209 万元");
    expect(formatFigure(370_500_000, "fen", { language: "zh-CN" })).toBe("370.5 万元");
    expect(formatFigure(12_345, "fen", { language: "zh-CN" })).toBe("123.45 元");
    expect(formatFigure(28_400_000, "fen", { language: "en" })).toBe("¥284 k");
    expect(formatFigure(209_000_000, "fen", { language: "en" })).toBe("¥2.09 M");
  });
  it("shows minutes as hours, percentages and counts with their word", () => {
    expect(formatFigure(90, "minutes", { language: "zh-CN" })).toBe("1.5 小时");
    expect(formatFigure(90, "minutes", { language: "en" })).toBe("1.5 h");
    expect(formatFigure(87.25, "percent", { language: "en" })).toBe("87.3%");
    expect(formatFigure(47, "count", { language: "zh-CN", unitLabel: "户" })).toBe("47 户");
    expect(formatFigure(1479.36, "count", { language: "en", unitLabel: "visits" })).toBe("1,479.4 visits");
    expect(formatFigure(null, "count", { language: "en" })).toBe("—");
  });
  it("shows a record's amount and a short hash", () => {
    expect(formatAmount(10_000_000, "fen", "en")).toBe("¥100,000");
    expect(formatAmount(null, "count", "en")).toBe("");
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab");
  });
});
