// Which Chromium the journeys drive. Debian's when the machine has one: its headless shell
// (`/usr/bin/chromium-headless-shell`, package chromium-headless-shell) before the full browser (`/usr/bin/chromium`),
// since the full browser's headless mode draws its own window chrome too (the journeys ran 383 s → 340 s on the
// shell), or CHROMIUM_PATH;
// otherwise the headless Chromium that `npm install` brought inside the `@sparticuz/chromium` package, unpacked once
// into node_modules/.cache and given the project's own CJK font (Noto Sans SC) through its own fontconfig file, so
// Chinese renders on a machine without any system font. DANDELION_BROWSER=bundled forces the packaged browser,
// DANDELION_BROWSER=system the system one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LaunchOptions } from "playwright-core";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const SYSTEM_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

/** The flags every journey's browser starts with (DESIGN §2). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type BrowserChoice = { kind: "system"; executablePath: string } | { kind: "bundled" };

/** Chooses the browser from the environment and what exists on disk. */
export function chooseBrowser(env: Record<string, string | undefined>, exists: (path: string) => boolean): BrowserChoice {
  const wanted = env.DANDELION_BROWSER?.trim().toLowerCase() || "auto";
  if (!["auto", "system", "bundled"].includes(wanted)) {
    throw new Error(`DANDELION_BROWSER must be auto, system or bundled, not "${env.DANDELION_BROWSER}"`);
  }
  if (wanted === "bundled") return { kind: "bundled" };
  const system = env.CHROMIUM_PATH || (exists(SYSTEM_HEADLESS_SHELL) ? SYSTEM_HEADLESS_SHELL : SYSTEM_CHROMIUM);
  if (wanted === "system" || exists(system)) return { kind: "system", executablePath: system };
  return { kind: "bundled" };
}

const root = resolve(import.meta.dirname, "..");

/** Unpacks the packaged Chromium (once per package version) and writes its fontconfig file; returns its folder. */
async function unpackBundled(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve("@sparticuz/chromium"));
  const packageDir = resolve(dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  const cache = join(root, "node_modules/.cache");
  const target = join(cache, `dandelion-chromium-${version}`);
  if (!existsSync(join(target, "chromium"))) {
    mkdirSync(cache, { recursive: true });
    // The package unpacks into os.tmpdir(): point it at a private folder, then move that into place whole, so a
    // second process never sees half a browser.
    const staging = mkdtempSync(join(cache, "chromium-unpacking-"));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const { default: Chromium } = await import("@sparticuz/chromium");
      await Chromium.executablePath();
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, "chromium"))) throw error;
    }
  }
  const fontDir = dirname(fileURLToPath(import.meta.resolve("@expo-google-fonts/noto-sans-sc/package.json")));
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fontDir}</dir>
  <cachedir>${join(target, "fontconfig-cache")}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias><family>serif</family><prefer><family>Noto Sans SC</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Noto Sans SC</family></prefer></alias>
</fontconfig>
`;
  const confFile = join(target, "fonts.conf");
  if (!existsSync(confFile) || readFileSync(confFile, "utf8") !== conf) writeFileSync(confFile, conf);
  return target;
}

/** Playwright's launch options for the chosen browser. */
export async function browserLaunchOptions(env: Record<string, string | undefined> = process.env): Promise<LaunchOptions> {
  const choice = chooseBrowser(env, existsSync);
  if (choice.kind === "system") return { executablePath: choice.executablePath, args: CHROMIUM_FLAGS };
  const dir = await unpackBundled();
  return {
    executablePath: join(dir, "chromium"),
    args: CHROMIUM_FLAGS,
    env: { ...(env as Record<string, string>), FONTCONFIG_FILE: join(dir, "fonts.conf"), FONTCONFIG_PATH: dir },
  };
}
