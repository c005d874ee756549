// The built web apps go out precompressed (the build writes .br and .gz beside each file, scripts/precompress.ts)
// in the encoding the browser accepts, byte for byte the built file once decompressed; hashed assets are cached
// for a year, the documents (the console, the phone app, their client-side routes) are revalidated every time.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, WEB_ROOT } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createTestDatabase, type TestDatabase } from "./helpers.ts";

const built = existsSync(join(WEB_ROOT, "index.html")) && existsSync(join(WEB_ROOT, "m/index.html"));
const IMMUTABLE = "public, max-age=31536000, immutable";

/** The first `/assets/…` file of the given kind a built document links to. */
function linked(document: string, pattern: RegExp): string {
  const match = pattern.exec(readFileSync(join(WEB_ROOT, document), "utf8"));
  if (!match) throw new Error(`${document} links no file matching ${pattern}`);
  return match[1];
}

describe.skipIf(!built)("the built web apps, compressed and cached", () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DANDELION_SECRET: "x".repeat(32) });
    app = await buildApp({ database: t.database, config, vault: t.vault, clock: t.clock, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const phoneEntry = () => linked("m/index.html", /<script[^>]+src="(\/assets\/[^"]+\.js)"/);
  const consoleStyles = () => linked("index.html", /<link[^>]+rel="stylesheet"[^>]+href="(\/assets\/[^"]+\.css)"/);
  const onDisk = (url: string) => readFileSync(join(WEB_ROOT, url));

  it("ships React's production build: none of its development-only warnings in the scripts the phone preloads", () => {
    const preloaded = [...readFileSync(join(WEB_ROOT, "m/index.html"), "utf8").matchAll(/href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(preloaded.length).toBeGreaterThan(0);
    for (const url of preloaded) expect(onDisk(url).toString("utf8")).not.toContain("is not a supported revealOrder");
  });

  it("sends the phone app's entry script as brotli to a browser that accepts it, the built bytes once decompressed", async () => {
    const url = phoneEntry();
    // What Chromium sends.
    const res = await app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(onDisk(url).length);
    expect(brotliDecompressSync(res.rawPayload).equals(onDisk(url))).toBe(true);
  });

  it.each([
    ["the phone app's entry script", "js"],
    ["the console's styles", "css"],
  ])("sends %s as gzip to a browser that accepts only gzip, the built bytes once decompressed", async (_what, kind) => {
    const url = kind === "js" ? phoneEntry() : consoleStyles();
    const res = await app.inject({ method: "GET", url, headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(kind === "js" ? /javascript/ : /text\/css/);
    expect(gunzipSync(res.rawPayload).equals(onDisk(url))).toBe(true);
  });

  it.each([
    ["no Accept-Encoding", undefined],
    ["identity only", "identity"],
  ])("sends the file as it is with %s", async (_what, acceptEncoding) => {
    const url = phoneEntry();
    const res = await app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.rawPayload.equals(onDisk(url))).toBe(true);
  });

  it("caches hashed assets for a year, whatever the encoding", async () => {
    for (const url of [phoneEntry(), consoleStyles()]) {
      for (const acceptEncoding of ["br", "gzip", "identity"]) {
        const res = await app.inject({ method: "GET", url, headers: { "accept-encoding": acceptEncoding } });
        expect(res.statusCode).toBe(200);
        expect(res.headers["cache-control"]).toBe(IMMUTABLE);
      }
    }
  });

  it.each([
    ["/", "index.html"],
    ["/merchants", "index.html"],
    ["/problems/12", "index.html"],
    ["/m/", "m/index.html"],
    ["/m/login", "m/index.html"],
    ["/m/report", "m/index.html"],
  ])("sends the document %s compressed and to be revalidated on every visit", async (url, file) => {
    const br = await app.inject({ method: "GET", url, headers: { "accept-encoding": "br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-type"]).toMatch(/text\/html/);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("no-cache");
    expect(brotliDecompressSync(br.rawPayload).equals(onDisk(file))).toBe(true);

    const plain = await app.inject({ method: "GET", url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.rawPayload.equals(onDisk(file))).toBe(true);
  });

  it("answers a missing asset 404 with the API's error, not a document", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/no-such-file-0000.js", headers: { "accept-encoding": "br" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.json()).toMatchObject({ error: { id: "route.not_found" } });
  });
});
