import { describe, expect, it } from "vitest";
import { clockFromEnv, SettableClock, systemClock } from "./clock.ts";

describe("clock", () => {
  it("a settable clock starts at its instant and runs on at real speed", async () => {
    const clock = new SettableClock("2028-02-28T23:59:00Z");
    const first = clock.now().getTime();
    expect(first - Date.parse("2028-02-28T23:59:00Z")).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });

  it("is moved by set and advance, and refuses what is not an instant", () => {
    const clock = new SettableClock("2026-11-18T02:30:00Z");
    clock.advance(86_400_000);
    expect(clock.now().toISOString().slice(0, 10)).toBe("2026-11-19");
    clock.set("2026-12-31T16:30:00Z");
    expect(clock.now().toISOString().slice(0, 16)).toBe("2026-12-31T16:30");
    expect(() => clock.set("yesterday")).toThrow(/not an instant/);
  });

  it("a process runs on the system clock unless DANDELION_NOW names an instant", () => {
    expect(clockFromEnv({})).toBe(systemClock);
    const clock = clockFromEnv({ DANDELION_NOW: "2027-01-01T00:00:00Z" });
    expect(clock.now().toISOString().slice(0, 10)).toBe("2027-01-01");
  });
});
