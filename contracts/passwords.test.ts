import { describe, expect, it } from "vitest";
import { passwordKinds, passwordProblem } from "./passwords.ts";

describe("the password policy", () => {
  it("accepts the demo password and strong ones", () => {
    // The demo accounts' password (demo/tianyuan.ts DEMO_PASSWORD).
    expect(passwordProblem("Dandelion@2026", { username: "admin", mobile: "13800000000" })).toBeNull();
    expect(passwordProblem("Tianyuan-Market-7")).toBeNull();
    expect(passwordProblem("tianyuan-market-7")).toBeNull(); // lower, digit, symbol: three kinds
    expect(passwordProblem("TIANYUANmarket7")).toBeNull(); // upper, lower, digit
  });
  it("needs at least 10 characters", () => {
    expect(passwordProblem("Ab1!xyz")).toBe("length");
    expect(passwordProblem("Ab1!xyzuvw")).toBeNull();
  });
  it("needs three of the four kinds", () => {
    expect(passwordKinds("abcdefghijk")).toBe(1);
    expect(passwordKinds("Ab1!")).toBe(4);
    expect(passwordProblem("tianyuanmarket")).toBe("classes");
    expect(passwordProblem("tianyuan2026market")).toBe("classes");
    expect(passwordProblem("TianyuanMarket")).toBe("classes");
    expect(passwordProblem("tianyuan-market")).toBe("classes");
    expect(passwordProblem("2026-11-18-08")).toBe("classes");
  });
  it("refuses common passwords", () => {
    expect(passwordProblem("1234567890")).toBe("common");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("common");
    expect(passwordProblem("Password123")).toBe("common");
    expect(passwordProblem("P@ssw0rd123")).toBe("common");
  });
  it("refuses the username, whatever its case, and the mobile number", () => {
    expect(passwordProblem("Zhanzhang@2026", { username: "zhanzhang" })).toBe("username");
    expect(passwordProblem("x-ADMIN-2026x", { username: "admin" })).toBe("username");
    expect(passwordProblem("Ab!13812345678", { mobile: "13812345678" })).toBe("phone");
    expect(passwordProblem("Ab!13812345678", { username: "13812345678" })).toBe("username");
  });
});
