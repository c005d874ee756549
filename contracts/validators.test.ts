import { describe, expect, it } from "vitest";
import { isCreditCode, isMainlandMobile, isResidentIdNumber, maskIdNumber, maskMobile } from "./validators.ts";

describe("mainland mobile", () => {
  it.each(["13812345678", "19912345678", "15000000000"])("accepts %s", (v) => expect(isMainlandMobile(v)).toBe(true));
  it.each(["12812345678", "1381234567", "138123456789", "2381234567a", ""])("refuses %s", (v) => expect(isMainlandMobile(v)).toBe(false));
});

describe("resident ID number", () => {
  it("accepts numbers with a correct check character, X included", () => {
    expect(isResidentIdNumber("11010519491231002X")).toBe(true);
    expect(isResidentIdNumber("650203196011080076")).toBe(true);
    expect(isResidentIdNumber("440524188001010014")).toBe(false); // born before 1900: not a living resident
  });
  it("refuses a wrong check character", () => expect(isResidentIdNumber("110105194912310021")).toBe(false));
  it("refuses an impossible birth date", () => expect(isResidentIdNumber("110105194902300020")).toBe(false));
  it("refuses 15-digit and malformed numbers", () => {
    expect(isResidentIdNumber("110105491231002")).toBe(false);
    expect(isResidentIdNumber("11010519491231002x")).toBe(false);
  });
});

describe("unified social credit code", () => {
  it("accepts a code with a correct check character", () => expect(isCreditCode("91350100M000100Y43")).toBe(true));
  it("refuses a wrong check character", () => expect(isCreditCode("91350100M000100Y44")).toBe(false));
  it("refuses letters outside the GB 32100 alphabet", () => expect(isCreditCode("91350100M000100I43")).toBe(false));
  it("refuses the wrong length", () => expect(isCreditCode("91350100M000100Y4")).toBe(false));
});

describe("masking", () => {
  it("keeps the first three and last four digits of a mobile", () => expect(maskMobile("13812345678")).toBe("138****5678"));
  it("keeps the area and last four characters of an ID number", () =>
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X"));
});
