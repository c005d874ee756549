import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("hashes with a salt and verifies", async () => {
    const a = await hashPassword("Correct-Horse-9");
    const b = await hashPassword("Correct-Horse-9");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("Correct-Horse-9", a)).toBe(true);
    expect(await verifyPassword("Correct-Horse-8", a)).toBe(false);
  });
  it("applies the policy", () => {
    expect(passwordProblem("short1!")).toBe("v.password_length");
    expect(passwordProblem("1234567890")).toBe("v.password_common");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("v.password_common");
    expect(passwordProblem("Password123")).toBe("v.password_common");
    expect(passwordProblem("x13812345678y", "13812345678")).toBe("v.password_phone");
    expect(passwordProblem("Tianyuan-Market-7")).toBeNull();
  });
});
