// `npm start` runs the server compiled to JavaScript (scripts/start.js → dist/server): the compiled imports, and a
// real start of that build serving the API and the console.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rewriteImports } from "../../scripts/build-server.ts";

const root = resolve(import.meta.dirname, "../..");

describe("the compiled server", () => {
  it("names the .js file for every relative .ts import, and leaves packages and other strings alone", () => {
    const source = [
      'import { a } from "./a.ts";',
      "import b from '../b/c.ts';",
      'import "./side-effect.ts";',
      'export * from "./d.ts";',
      'const e = await import("../demo/e.ts");',
      'import { f } from "fastify";',
      'const label = "notes.ts";',
    ].join("\n");
    expect(rewriteImports(source).split("\n")).toEqual([
      'import { a } from "./a.js";',
      "import b from '../b/c.js';",
      'import "./side-effect.js";',
      'export * from "./d.js";',
      'const e = await import("../demo/e.js");',
      'import { f } from "fastify";',
      'const label = "notes.ts";',
    ]);
  });

  const dir = mkdtempSync(join(tmpdir(), "dd-start-"));
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts as `npm start` does and serves the API and the console", { timeout: 180_000 }, async () => {
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_FILE: join(dir, "start.db"),
      DATA_DIR: dir,
      DEMO_DATA: "false",
      LOG_LEVEL: "info",
      LOG_FORMAT: "auto",
    };
    delete env.DATABASE_URL;
    let output = "";
    child = spawn(process.execPath, ["--max-semi-space-size=4", join(root, "scripts/start.js")], { cwd: root, env });
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 170_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the server did not answer:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const page = await fetch(`${base}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const me = await fetch(`${base}/api/auth/me`);
    expect(me.status).toBe(401);
    // Not a terminal: the logs are JSON lines, and the address a person looks for comes after them.
    const listening = output.split("\n").find((line) => line.includes("Dandelion is listening")) ?? "";
    expect(JSON.parse(listening)).toMatchObject({ level: 30, msg: "Dandelion is listening" });
    expect(output.indexOf(`蒲公英 Dandelion: http://127.0.0.1:${port}`)).toBeGreaterThan(output.indexOf(listening));
  });
});
