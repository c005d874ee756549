import { describe, expect, test } from "vitest";
import { chooseBrowser, SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL } from "./browser.ts";

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("the journeys' browser", () => {
  test("Debian's Chromium when the machine has one", () => {
    expect(chooseBrowser({}, only(SYSTEM_CHROMIUM))).toEqual({ kind: "system", executablePath: SYSTEM_CHROMIUM });
  });

  test("Debian's headless shell before its full browser", () => {
    expect(chooseBrowser({}, only(SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL))).toEqual({
      kind: "system",
      executablePath: SYSTEM_HEADLESS_SHELL,
    });
    expect(chooseBrowser({}, only(SYSTEM_HEADLESS_SHELL))).toEqual({ kind: "system", executablePath: SYSTEM_HEADLESS_SHELL });
    expect(chooseBrowser({ CHROMIUM_PATH: "/opt/chrome/chrome" }, only("/opt/chrome/chrome", SYSTEM_HEADLESS_SHELL))).toEqual({
      kind: "system",
      executablePath: "/opt/chrome/chrome",
    });
  });

  test("the packaged Chromium when no system browser is found", () => {
    expect(chooseBrowser({}, only())).toEqual({ kind: "bundled" });
    expect(chooseBrowser({ CHROMIUM_PATH: "/opt/chrome/chrome" }, only(SYSTEM_CHROMIUM))).toEqual({ kind: "bundled" });
  });

  test("CHROMIUM_PATH names the system browser", () => {
    expect(chooseBrowser({ CHROMIUM_PATH: "/opt/chrome/chrome" }, only("/opt/chrome/chrome"))).toEqual({
      kind: "system",
      executablePath: "/opt/chrome/chrome",
    });
  });

  test("DANDELION_BROWSER forces one or the other", () => {
    expect(chooseBrowser({ DANDELION_BROWSER: "bundled" }, only(SYSTEM_CHROMIUM))).toEqual({ kind: "bundled" });
    expect(chooseBrowser({ DANDELION_BROWSER: "system" }, only())).toEqual({ kind: "system", executablePath: SYSTEM_CHROMIUM });
    expect(chooseBrowser({ DANDELION_BROWSER: "" }, only())).toEqual({ kind: "bundled" });
    expect(() => chooseBrowser({ DANDELION_BROWSER: "firefox" }, only())).toThrow(/auto, system or bundled/);
  });
});
