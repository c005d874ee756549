import { describe, expect, it } from "vitest";
import { integerList } from "./station-filter.ts";

describe("a station scope written into a statement", () => {
  it("writes the ids as integers", () => {
    expect(integerList([4, 5, 201])).toBe("4,5,201");
  });
  it("refuses anything that is not a safe integer, so nothing but digits reaches the SQL", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, "1) or (1=1" as unknown as number]) {
      expect(() => integerList([1, bad])).toThrow(/not an integer id/);
    }
  });
});
