import { describe, expect, it } from "vitest";
import { countCreateSchema, eventCreateSchema, fenOfYuanText, takingsCreateSchema } from "./events.ts";

describe("takings as the phone sends them", () => {
  it("turns typed yuan into whole fen", () => {
    expect(fenOfYuanText("1234.5")).toBe(123_450);
    expect(fenOfYuanText("1234.50")).toBe(123_450);
    expect(fenOfYuanText(" 80.01 ")).toBe(8_001);
    expect(fenOfYuanText("0")).toBe(0);
    expect(fenOfYuanText("3000")).toBe(300_000);
  });
  it("refuses what is not an amount of yuan with at most two decimals", () => {
    for (const bad of ["", "12.345", "-5", "1,234", "abc", "1e3", "¥12", "123456789"]) expect(fenOfYuanText(bad), bad).toBeNull();
  });
  it("the API takes integer fen only", () => {
    expect(takingsCreateSchema.safeParse({ date: "2026-06-01", amountFen: 1234.5 }).success).toBe(false);
    expect(takingsCreateSchema.safeParse({ date: "2026-06-01", amountFen: "1234" }).success).toBe(false);
    expect(takingsCreateSchema.safeParse({ date: "2026-06-01", amountFen: -1 }).success).toBe(false);
    expect(takingsCreateSchema.safeParse({ date: "2026-06-01", amountFen: 123_450 }).success).toBe(true);
  });
});

describe("the contracts' own refusals", () => {
  it("refuses negative counts and unknown kinds", () => {
    expect(countCreateSchema.safeParse({ date: "2026-06-01", method: "gates", entrance: "东门", entries: -1 }).success).toBe(false);
    expect(countCreateSchema.safeParse({ date: "2026-06-01", method: "guess", visitors: 1 }).success).toBe(false);
    expect(
      eventCreateSchema.safeParse({
        kind: "party",
        title: "x",
        place: "y",
        startsAt: "2026-06-01T00:00:00Z",
        endsAt: "2026-06-01T01:00:00Z",
      }).success,
    ).toBe(false);
  });
});
