// What `npm start` builds and when: the web apps (dist/web) and the server's JavaScript (dist/server), each
// rebuilt when one of its sources is newer than the build. Plain JavaScript, so that the process that goes on to
// run the server never loads Node's TypeScript stripper.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const WEB_BUILT = join(ROOT, "dist/web/index.html");
export const SERVER_BUILD = join(ROOT, "dist/server");
export const SERVER_BUILT_STAMP = join(SERVER_BUILD, ".built");
export const SERVER_MAIN = join(SERVER_BUILD, "server/main.js");
export const SERVER_TREES = ["server", "contracts", "demo"];

/** The newest modification time under the given files and folders (0 for none). */
export function newest(...paths) {
  let latest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else for (const entry of readdirSync(p)) latest = Math.max(latest, newest(join(p, entry)));
  }
  return latest;
}

/** True when `built` is missing or older than any of the sources. */
export function stale(built, ...sources) {
  return !existsSync(built) || statSync(built).mtimeMs < newest(...sources);
}

export const webStale = () =>
  stale(WEB_BUILT, join(ROOT, "web"), join(ROOT, "contracts"), join(ROOT, "vite.config.ts"), join(ROOT, "scripts/precompress.ts"));
export const serverStale = () =>
  stale(SERVER_BUILT_STAMP, ...SERVER_TREES.map((tree) => join(ROOT, tree)), join(ROOT, "scripts/build-server.ts"));

/** Builds what is stale, each in a child process: the web apps (vite), then the server's JavaScript. */
export function ensureBuilt({ quiet = false } = {}) {
  const stdio = quiet ? "ignore" : "inherit";
  if (webStale()) {
    if (!quiet) console.log("Building the web apps (console, mobile)…");
    execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: ROOT, stdio });
  }
  if (serverStale()) {
    execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", join(ROOT, "scripts/build-server.ts")], { cwd: ROOT, stdio });
  }
}
