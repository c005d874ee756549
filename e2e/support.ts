// Each journey runs the real server (built web apps, demo data, a fresh database) as a child process and
// drives Chromium through playwright-core (Debian's, or the one npm installed: see browser.ts). Screenshots go to e2e/screenshots/.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, inject } from "vitest";
import { copyPostgresTemplate, copySqliteTemplate, type DemoTemplate, TEST_SECRET } from "../server/test/demo-template.ts";
import { TEST_NOW } from "../server/test/instant.ts";
import { browserLaunchOptions } from "./browser.ts";

const root = resolve(import.meta.dirname, "..");
export const SCREENSHOTS = join(root, "e2e/screenshots");
export const DEMO_PASSWORD = "Dandelion@2026";

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface Running {
  baseUrl: string;
  browser: Browser;
  newPage(options?: { mobile?: boolean; locale?: string }): Promise<{ page: Page; context: BrowserContext }>;
  shot(page: Page, name: string): Promise<void>;
  /**
   * The journey's "now": the server runs on a clock started at TEST_NOW (DANDELION_NOW) and every browser page's
   * clock is set to the same instant, so a journey reads the same calendar whatever day and hour it runs.
   */
  now(): Date;
  /** Runs one SQL statement on the journey's database: to let time pass in data (a publicity period ending). */
  sql(statement: string): Promise<void>;
  stop(): Promise<void>;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
  /** The first few elements' markup, with what axe measured (for contrast: the colours and their ratio). */
  samples: string[];
}

/**
 * Runs axe-core (its default rules: WCAG 2.x A and AA and best practices) on the page as it is and returns the
 * violations. The script is evaluated through the browser's debugging protocol, so the page's own CSP stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async () => {
    type Result = {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; html: string; any: { data: unknown }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      samples: v.nodes.slice(0, 5).map((n) => `${n.html.slice(0, 160)} ${JSON.stringify(n.any[0]?.data ?? null)}`),
    }));
  });
}

/**
 * Checks a rendered page with axe-core: every serious or critical violation fails the journey (softly, so the
 * journey goes on and every page it checks is counted). The figures go to data/test-results/axe.jsonl.
 */
export async function expectAccessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  const count = (impact: string) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes, 0);
  const results = join(root, "data/test-results");
  mkdirSync(results, { recursive: true });
  const line = {
    page: name,
    path: new URL(page.url()).pathname,
    critical: count("critical"),
    serious: count("serious"),
    moderate: count("moderate"),
    minor: count("minor"),
    violations,
  };
  appendFileSync(join(results, "axe.jsonl"), `${JSON.stringify(line)}\n`);
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect.soft(blocking, `serious or critical accessibility violations on ${name}`).toEqual([]);
}

/** Signs in on the console's login page and waits to leave it. */
/**
 * Waits until no enter, appear or leave animation runs (Ant Design's motion classes, antd-mobile's toast mask), so a
 * screenshot shows the page at rest. A busy machine runs the animations slowly: a message's leave once took over
 * 15 s under load 8, hence the long wait.
 */
/** Texts in the page that are cut without an ellipsis's tooltip (a title attribute), e.g. `clipped(page, "thead th")`. */
export const clipped = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => !(e.getAttribute("title") || e.closest("[title]")))
      .map((e) => e.textContent ?? ""),
  );

/**
 * Buttons and tags of a table's rows that reach past their cell or are cut inside themselves (a narrow column's
 * action or status cut off at the cell's edge): their texts, e.g. `spilling(page)`. A table that scrolls sideways
 * is not counted: what it hides is still inside its cells.
 */
export const spilling = (page: Page, selector = "tbody td .ant-btn, tbody td .ant-tag") =>
  page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .filter((e) => {
        const box = e.getBoundingClientRect();
        const cell = e.closest("td")?.getBoundingClientRect();
        return (cell !== undefined && box.right > cell.right + 1) || e.scrollWidth > e.clientWidth + 1;
      })
      .map((e) => e.textContent ?? ""),
  );

export async function settled(page: Page) {
  await expect
    .poll(() => page.locator('[class*="-enter"], [class*="-appear"], [class*="-leave"], .adm-toast-mask').count(), { timeout: 30_000 })
    .toBe(0);
}

export async function consoleLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill(username);
  await page.getByPlaceholder("请输入密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/**
 * Opens a console section from the side menu: the group's title (when the item sits in a closed group), then the
 * item once the group has finished opening, then waits for the page's address. A click that leads nowhere is
 * tried once more, as a person would, and said in the log; when the address still does not come, it leaves a
 * screenshot (e2e/screenshots/FAILED-menu-….png) and says where the page was.
 */
export async function openFromMenu(page: Page, item: RegExp | string, path: RegExp, group?: RegExp | string) {
  for (let attempt = 1; ; attempt++) {
    if (group) {
      const title = page.getByRole("menuitem", { name: group });
      if ((await title.getAttribute("aria-expanded")) !== "true") await title.click();
      await expect.poll(() => title.getAttribute("aria-expanded")).toBe("true");
      // The group's list grows in height while it opens; a click then can land beside its clipped items.
      await expect
        .poll(() => page.locator(".ant-menu-sub.ant-menu-inline").evaluateAll((subs) => subs.some((s) => s.className.includes("motion"))))
        .toBe(false);
    }
    await page.getByRole("menuitem", { name: item }).click();
    try {
      await page.waitForURL(path, { timeout: 7_500 });
      return;
    } catch (error) {
      if (attempt === 1) {
        console.warn(`openFromMenu: ${String(item)} did not lead to ${path} (the page is at ${page.url()}); clicking again`);
        continue;
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `FAILED-menu-${String(item).replace(/\W+/g, "")}.png`) }).catch(() => undefined);
      throw new Error(`the menu item ${String(item)} did not lead to ${path} (the page is at ${page.url()})`, { cause: error });
    }
  }
}

/** Signs in on the phone's login page (/m/login) and waits to leave it. */
export async function mobileLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/m/login");
  await page.getByPlaceholder("请输入用户名或手机号").fill(username);
  await page.getByPlaceholder("请输入密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
}

function demoTemplate(): DemoTemplate | null {
  try {
    return inject("demoTemplate") ?? null;
  } catch {
    return null;
  }
}

/**
 * The file's journeys' server, database and browser: started before its first journey and stopped after its last.
 * A journey tried a second time (e2e/vitest.config.ts) starts again on a fresh copy of the demo, so its second try
 * never meets what the first left half done (a season already inserted, a lottery already drawn). The answer stands
 * for whichever is running.
 */
export function journeyApp(): Running {
  let current: Running | null = null;
  beforeAll(async () => {
    current = await start();
  });
  beforeEach(async ({ task }) => {
    if ((task.result?.retryCount ?? 0) === 0) return;
    await current?.stop();
    current = null;
    current = await start();
  });
  afterAll(async () => {
    await current?.stop();
  });
  return new Proxy({} as Running, {
    get(_, key) {
      if (!current) throw new Error("the journey's server is not running");
      return current[key as keyof Running];
    },
  });
}

export async function start(): Promise<Running> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "dd-e2e-"));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: "127.0.0.1",
    SQLITE_FILE: join(dir, "e2e.db"),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
    DEMO_DATA: "true",
    NODE_ENV: "test",
    DANDELION_NOW: TEST_NOW,
  };
  // The server's clock starts at TEST_NOW when it starts and runs at real speed; so does the journey's.
  const offsetMs = Date.parse(TEST_NOW) - Date.now();
  const now = () => new Date(Date.now() + offsetMs);
  delete env.DATABASE_URL;
  // The run's demo template (loaded as of TEST_NOW, sealed with the suites' secret): the server finds the demo in
  // its database instead of loading it (seconds per journey). Without one, the server loads the demo itself.
  const template = demoTemplate();
  if (template) env.DANDELION_SECRET = TEST_SECRET;
  let dropDb: (() => Promise<void>) | null = null;
  const base = process.env.TEST_DATABASE_URL;
  if (template?.kind === "sqlite") copySqliteTemplate(template, env.SQLITE_FILE);
  if (base) {
    const name = `dd_e2e_${randomBytes(5).toString("hex")}`;
    if (template?.kind === "postgres") await copyPostgresTemplate(base, template, name);
    else {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  }
  const server: ChildProcess = spawn(process.execPath, [join(root, "server/main.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => {
    output += d;
  });
  server.stderr?.on("data", (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch(await browserLaunchOptions());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? "zh-CN",
        // The station's clock (UTC+8), as its users' browsers have it.
        timezoneId: "Asia/Shanghai",
        viewport: options.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
        deviceScaleFactor: options.mobile ? 2 : 1,
        isMobile: options.mobile ?? false,
        hasTouch: options.mobile ?? false,
        // The journeys' browsers ask for less motion, as a person can in their system's settings: drawers, menus and
        // messages appear at once (web/app/motion.ts), so a step never lands on something still moving and a busy
        // machine spends no frames on animations.
        reducedMotion: "reduce",
      });
      context.setDefaultTimeout(20_000);
      // The page's clock reads the journey's instant and runs on naturally from there.
      await context.clock.install({ time: now() });
      return { page: await context.newPage(), context };
    },
    now,
    async sql(statement) {
      if (env.DATABASE_URL) {
        const c = new pg.Client({ connectionString: env.DATABASE_URL });
        await c.connect();
        await c.query(statement);
        await c.end();
      } else {
        const { DatabaseSync } = await import("node:sqlite");
        const db = new DatabaseSync(env.SQLITE_FILE);
        db.exec("PRAGMA busy_timeout = 5000");
        db.exec(statement);
        db.close();
      }
    },
    async shot(page, name) {
      // A full-page picture is taken from the top: scrolled down, the console's sticky header and menu would be drawn
      // where the window stood, in the middle of the picture. The scroll is put back for the journey's next step.
      const scrolled = await page.evaluate(() => window.scrollY);
      if (scrolled > 0) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      if (scrolled > 0) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    },
    async stop() {
      await browser.close();
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      if (dropDb) await dropDb();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
