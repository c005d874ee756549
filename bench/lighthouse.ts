// Lighthouse on the pages a person opens first: the phone's login screen and its first screen after signing in
// (as the demo resident `jumin`), the console's home and the merchant list (as the station's `staff`). Mobile
// preset, simulated throttling (Lighthouse's defaults: a mid-range phone on slow 4G), Debian's Chromium with the
// project's flags. Not a test: the figures are printed and written to bench/results/ (docs/performance.md,
// "Page weight and Lighthouse").
//
//   npm run bench:lighthouse                              # the worktree's build (dist/web), built first when stale
//   npm run bench:lighthouse -- --web-root DIR --label before   # another build, e.g. one of an older commit
//   npm run bench:lighthouse -- --runs 5 --pages m-home,merchants
//
// The server is the real one (server/main.ts) on a free port, with the demo data in a fresh temporary SQLite
// database. Each page is measured `--runs` times (default 3); the run with the median performance score is kept.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { webStale } from "../scripts/freshness.js";
import { argValue, RESULTS_DIR, ROOT } from "./common.ts";

const DEMO_PASSWORD = "Dandelion@2026";
/** DESIGN §2's Chromium flags (the e2e journeys launch with the same). */
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface PageToMeasure {
  key: string;
  label: string;
  path: string;
  /** The demo account signed in, or none. */
  account?: string;
}

const PAGES: PageToMeasure[] = [
  { key: "m-login", label: "phone: login screen (/m/login)", path: "/m/login" },
  { key: "m-home", label: "phone: first screen after sign-in (/m/, jumin)", path: "/m/", account: "jumin" },
  { key: "console-home", label: "console: home (/, staff)", path: "/", account: "staff" },
  { key: "merchants", label: "console: merchant list (/merchants, staff)", path: "/merchants", account: "staff" },
];

export interface PageFigures {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Every byte the page transferred (documents, scripts, styles, API answers, fonts), headers included. */
  transferBytes: number;
  scriptTransferBytes: number;
  requests: number;
  /** Lighthouse's "Enable text compression" audit: 1 when nothing left to compress. */
  textCompression: number | null;
  /** The runs' LCP, to show the spread. */
  lcpRunsMs: number[];
}

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, "--runs") ?? 3);
const webRoot = argValue(argv, "--web-root");
const label = argValue(argv, "--label") ?? (webRoot ? "other" : "current");
const only = argValue(argv, "--pages")?.split(",");
const pages = only ? PAGES.filter((p) => only.includes(p.key)) : PAGES;

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

async function startServer(dir: string): Promise<{ baseUrl: string; server: ChildProcess }> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    SQLITE_FILE: join(dir, "lighthouse.db"),
    DATA_DIR: dir,
    DANDELION_SECRET: randomBytes(24).toString("hex"),
    DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    RATE_LIMIT_ALLOW: "127.0.0.1",
  };
  delete env.DATABASE_URL;
  if (webRoot) env.DANDELION_WEB_ROOT = resolve(webRoot);
  const server = spawn(process.execPath, [join(ROOT, "server/main.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout?.on("data", (d) => {
    output += d;
  });
  server.stderr?.on("data", (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    if (
      await fetch(`${baseUrl}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { baseUrl, server };
    if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs in through the API and answers the Cookie header a browser would then send. */
async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`signing in as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>;
type Lhr = Result["lhr"];

function figuresOf(page: PageToMeasure, lhr: Lhr): Omit<PageFigures, "lcpRunsMs"> {
  const audit = (id: string) => lhr.audits[id];
  const num = (id: string) => Math.round(audit(id)?.numericValue ?? Number.NaN);
  const requests = ((audit("network-requests")?.details as { items?: { resourceType?: string; transferSize?: number }[] })?.items ??
    []) as { resourceType?: string; transferSize?: number }[];
  return {
    page: page.label,
    url: lhr.finalDisplayedUrl,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    bestPractices: Math.round((lhr.categories["best-practices"]?.score ?? 0) * 100),
    fcpMs: num("first-contentful-paint"),
    lcpMs: num("largest-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: Number((audit("cumulative-layout-shift")?.numericValue ?? 0).toFixed(3)),
    speedIndexMs: num("speed-index"),
    transferBytes: num("total-byte-weight"),
    scriptTransferBytes: requests.filter((r) => r.resourceType === "Script").reduce((s, r) => s + (r.transferSize ?? 0), 0),
    requests: requests.length,
    textCompression: audit("uses-text-compression")?.score ?? null,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  if (!webRoot && webStale()) {
    console.log("Building the web apps (console, mobile)…");
    execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  const dir = mkdtempSync(join(tmpdir(), "dd-lighthouse-"));
  const { baseUrl, server } = await startServer(dir);
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  const results: PageFigures[] = [];
  const kept: Record<string, Lhr> = {};
  try {
    const cookies = new Map<string, string>();
    for (const account of new Set(pages.flatMap((p) => (p.account ? [p.account] : []))))
      cookies.set(account, await signIn(baseUrl, account));
    for (const page of pages) {
      const lhrs: Lhr[] = [];
      for (let i = 0, failures = 0; i < runs; ) {
        const result = await lighthouse(
          `${baseUrl}${page.path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            formFactor: "mobile",
            throttlingMethod: "simulate",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders: page.account ? { Cookie: cookies.get(page.account) ?? "" } : undefined,
          },
          undefined,
        );
        const error = result ? result.lhr.runtimeError?.message : "no result";
        if (error) {
          // Lighthouse sometimes loses the trace (NO_NAVSTART): such a run is measured again, up to three times.
          if (++failures > 3) throw new Error(`${page.path}: ${error}`);
          process.stdout.write("x");
          continue;
        }
        lhrs.push((result as Result).lhr);
        process.stdout.write(".");
        i++;
      }
      lhrs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const median = lhrs[Math.floor(lhrs.length / 2)];
      kept[page.key] = median;
      results.push({
        ...figuresOf(page, median),
        lcpRunsMs: lhrs.map((l) => Math.round(l.audits["largest-contentful-paint"]?.numericValue ?? 0)),
      });
    }
  } finally {
    chrome.kill();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\nLighthouse ${kept[pages[0].key]?.lighthouseVersion} · mobile preset, simulated throttling · ${runs} run(s) a page, median kept · ${label}`,
  );
  console.log("| page | performance | accessibility | best practices | transferred | of it scripts | requests | FCP | LCP | TBT | CLS |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.page} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${kb(r.transferBytes)} | ${kb(r.scriptTransferBytes)} | ${r.requests} | ${s(r.fcpMs)} | ${s(r.lcpMs)} | ${r.tbtMs} ms | ${r.cls} |`,
    );
  }
  mkdirSync(join(RESULTS_DIR, "lighthouse"), { recursive: true });
  const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
  const file = join(RESULTS_DIR, "lighthouse", `${label}-${stamp}.json`);
  writeFileSync(file, JSON.stringify({ label, webRoot: webRoot ?? "dist/web", runs, results }, null, 2));
  for (const [key, lhr] of Object.entries(kept))
    writeFileSync(join(RESULTS_DIR, "lighthouse", `${label}-${stamp}-${key}.lhr.json`), JSON.stringify(lhr));
  console.log(`\nwritten to ${file}`);
}

await main();
