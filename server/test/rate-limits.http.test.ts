// Rate limits on the routes that need them: sign-in per address and per account, the public pages, uploads.
// Each limit's next try answers 429 request.rate_limited with Retry-After; other addresses and accounts go on;
// RATE_LIMIT_ALLOW exempts an address; a new window lets the address in again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../demo/tianyuan.ts";
import { limits } from "../platform/rate-limit.ts";
import { createTestApp, dialectName, type TestApp } from "./helpers.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function multipart(file: Buffer, name = "photo.png", type = "image/png") {
  const boundary = "----dandelion-limit";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** 429 with the seconds to wait, whatever shape the body takes. */
function expectThrottled(res: { statusCode: number; headers: Record<string, unknown> }) {
  expect(res.statusCode).toBe(429);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
}

function expectLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): { error: { id: string } } }) {
  expect(res.statusCode).toBe(429);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(60);
  expect(res.json().error.id).toBe("request.rate_limited");
}

const stationOf = (t: TestApp) =>
  t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow();

describe(`rate limits (${dialectName})`, () => {
  let t: TestApp;
  let stationId: number;
  beforeAll(async () => {
    t = await createTestApp();
    stationId = (await stationOf(t)).id;
  });
  afterAll(() => t.close());

  const login = (username: string, remoteAddress: string, password = DEMO_PASSWORD) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

  it("limits sign-in tries from one address, and not from another", async () => {
    const max = limits.loginPerAddress.max;
    for (let i = 0; i < max; i++) expect((await login(`nobody${i}`, "10.1.0.1", "wrong-password-1A")).statusCode).toBe(401);
    expectLimited(await login("admin", "10.1.0.1"));
    expect((await login("admin", "10.1.0.2")).statusCode).toBe(200);
  });

  it("limits sign-in tries for one account whatever the address, and not for another account", async () => {
    const max = limits.loginPerAccount.max;
    for (let i = 0; i < max; i++) expect((await login("shuji", `10.2.0.${i + 1}`)).statusCode).toBe(200);
    const refused = await login(" SHUJI ", "10.2.1.1");
    expectLimited(refused);
    expect(refused.json().error.message).toMatch(/秒后再试/);
    expect((await login("staff", "10.2.1.1")).statusCode).toBe(200);
    // A new window lets the account in again.
    t.clock.advance(61_000);
    expect((await login("shuji", "10.2.1.2")).statusCode).toBe(200);
  });

  it("limits every public page per address", async () => {
    // A demo service record's number for the record checks (the QR's JSON and page).
    const record = await t.database.db.selectFrom("volunteer_records").select("number").orderBy("id").executeTakeFirstOrThrow();
    const routes: Record<string, string> = {
      "/api/public/problems": `/api/public/problems?stationId=${stationId}`,
      "/api/public/honour-roll": `/api/public/honour-roll?stationId=${stationId}`,
      "/api/public/caring-shops": `/api/public/caring-shops?stationId=${stationId}`,
      "/api/public/pioneer-posts": `/api/public/pioneer-posts?stationId=${stationId}`,
      "/api/public/volunteer-records/:number": `/api/public/volunteer-records/${record.number}`,
      "/api/public/volunteer-records/:number/page": `/api/public/volunteer-records/${record.number}/page`,
      "/api/public/funding": `/api/public/funding?stationId=${stationId}`,
      "/api/open311/v2/services.:format": "/api/open311/v2/services.json",
      "/api/open311/v2/services/:serviceCode.:format": "/api/open311/v2/services/market_order.json",
      "/api/open311/v2/requests/:requestId.:format": "/api/open311/v2/requests/P00000000-00000.json",
    };
    // What other systems call with their own key, or a secret in the address: limited the same way, whatever the
    // answer (without a key or with an unknown secret it is a 4xx, never a write).
    const keyed: { url: string; method: "GET" | "POST" }[] = [
      { url: "/api/open311/v2/requests.json", method: "GET" },
      { url: "/api/open311/v2/requests.json", method: "POST" },
      { url: "/api/hotline/v1/orders", method: "POST" },
      { url: "/api/interop/sms/receipts/aliyun", method: "POST" },
      { url: "/api/public/calendar/not-a-feed.ics", method: "GET" },
      { url: "/api/public/screen?token=ddk_not-a-token", method: "GET" },
    ];
    const keyedRoutes = [
      "/api/open311/v2/requests.:format",
      "/api/open311/v2/requests.:format",
      "/api/hotline/v1/orders",
      "/api/interop/sms/receipts/:provider",
      "/api/public/calendar/:feed",
      "/api/public/screen",
    ];
    // The route walk lists the public routes: this test covers each of them.
    const publicRoutes = t.app.accessRules.filter((r) => r.access === "public" && r.url !== "/api/auth/login").map((r) => r.url);
    expect(publicRoutes.sort()).toEqual([...Object.keys(routes), ...keyedRoutes].sort());
    for (const url of Object.values(routes)) {
      for (let i = 0; i < limits.public.max; i++) {
        const res = await t.app.inject({ method: "GET", url, remoteAddress: "10.3.0.1" });
        expect(res.statusCode, url).not.toBe(429);
        expect(res.statusCode, url).toBeLessThan(500);
      }
      const refused = await t.app.inject({ method: "GET", url, remoteAddress: "10.3.0.1" });
      // Open311 answers its errors in the specification's shape; ours carry the error id.
      if (url.startsWith("/api/open311/")) expectThrottled(refused);
      else expectLimited(refused);
      expect((await t.app.inject({ method: "GET", url, remoteAddress: "10.3.0.2" })).statusCode).not.toBe(429);
    }
    for (const { url, method } of keyed) {
      const address = `10.3.1.${keyed.findIndex((k) => k.url === url && k.method === method) + 1}`;
      for (let i = 0; i < limits.public.max; i++) {
        const res = await t.app.inject({ method, url, remoteAddress: address, payload: method === "POST" ? {} : undefined });
        expect(res.statusCode, `${method} ${url}`).not.toBe(429);
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
      expectThrottled(await t.app.inject({ method, url, remoteAddress: address, payload: method === "POST" ? {} : undefined }));
    }
  });

  it("limits uploads per account (photos and imports), and not another account's", async () => {
    const staff = await t.login("staff");
    const shanghu = await t.login("shanghu");
    for (let i = 0; i < limits.upload.max; i++) {
      expect((await t.as(staff, { method: "POST", url: "/api/files", ...multipart(PNG) })).statusCode).toBe(201);
    }
    expectLimited(await t.as(staff, { method: "POST", url: "/api/files", ...multipart(PNG) }));
    expect((await t.as(shanghu, { method: "POST", url: "/api/files", ...multipart(PNG) })).statusCode).toBe(201);

    const xlsx = multipart(Buffer.from("not a workbook"), "m.xlsx", "application/octet-stream");
    for (let i = 0; i < limits.upload.max; i++) {
      const res = await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...xlsx });
      expect(res.statusCode).not.toBe(429);
    }
    expectLimited(await t.as(staff, { method: "POST", url: "/api/merchants/imports", ...xlsx }));
  });
});

describe(`RATE_LIMIT_ALLOW (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_ALLOW: "10.9.9.9, 10.9.9.8" } });
  });
  afterAll(() => t.close());

  it("never limits an allowed address, and still limits the others", async () => {
    const tries = limits.loginPerAddress.max + 5;
    for (let i = 0; i < tries; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password: DEMO_PASSWORD },
        remoteAddress: "10.9.9.9",
      });
      expect(res.statusCode).toBe(200);
    }
    const url = `/api/public/problems?stationId=${(await stationOf(t)).id}`;
    for (let i = 0; i < limits.public.max + 5; i++) {
      expect((await t.app.inject({ method: "GET", url, remoteAddress: "10.9.9.8" })).statusCode).toBe(200);
    }
    for (let i = 0; i < limits.public.max; i++) await t.app.inject({ method: "GET", url, remoteAddress: "10.9.9.7" });
    expectLimited(await t.app.inject({ method: "GET", url, remoteAddress: "10.9.9.7" }));
  });
});
