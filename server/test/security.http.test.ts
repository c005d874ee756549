// Security headers on every kind of response: the API, the API docs, the console and the phone app.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, WEB_ROOT } from "../app.ts";
import { loadConfig } from "../config.ts";
import { HSTS } from "../platform/security.ts";
import { createTestDatabase, type TestDatabase } from "./helpers.ts";

const built = existsSync(join(WEB_ROOT, "index.html"));

describe("security headers", () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDatabase({ demo: false });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DANDELION_SECRET: "x".repeat(32), TRUST_PROXY: "true" });
    app = await buildApp({ database: t.database, config, vault: t.vault, clock: t.clock, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const paths = [
    "/api/healthz",
    "/api/me",
    "/api/no-such-route",
    "/docs/",
    "/api/openapi.json",
    ...(built ? ["/", "/m/", "/merchants"] : []),
  ];

  it.each(paths)("%s carries a CSP that forbids framing, nosniff, a referrer policy and no HSTS over plain HTTP", async (url) => {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode).toBeLessThan(500);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("lets Swagger UI's own start-up script run and nothing else inline", async () => {
    const csp = String((await app.inject({ method: "GET", url: "/docs/" })).headers["content-security-policy"]);
    const scripts = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scripts.split(" ")).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("sends HSTS once the request came over TLS through the trusted proxy", async () => {
    const res = await app.inject({ method: "GET", url: "/api/healthz", headers: { "x-forwarded-proto": "https" } });
    expect(res.headers["strict-transport-security"]).toBe(HSTS);
  });
});
