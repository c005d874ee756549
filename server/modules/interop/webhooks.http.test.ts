// Webhooks against a local receiver (a server on a random port that checks the signature and answers as told: 204,
// 500, or never): deliveries are queued by the job, never by the caller, signed, retried with back-off, logged.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

describe(`webhooks (${dialectName})`, () => {
  const state = {
    mode: "ok" as "ok" | "error" | "hang",
    secret: "",
    received: [] as { event: string; body: Record<string, unknown>; delivery: string }[],
    bad: 0,
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers["x-dandelion-signature"]));
      if (!m || createHmac("sha256", state.secret).update(`${m[1]}.${body}`).digest("hex") !== m[2]) {
        state.bad++;
        return res.writeHead(401).end();
      }
      if (state.mode === "hang") return;
      if (state.mode === "error") return res.writeHead(500).end("oops");
      state.received.push({
        event: String(req.headers["x-dandelion-event"]),
        body: JSON.parse(body),
        delivery: String(req.headers["x-dandelion-delivery"]),
      });
      res.writeHead(204).end();
    });
  });
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  let stationId: number;
  let hookId: number;
  const job = () => {
    const j = t.app.jobs.find((x) => x.name === "interop.webhooks");
    if (!j) throw new Error("no webhooks job");
    return j.run(t.clock.now()) as Promise<{ queued: number; delivered: number; retried: number; failed: number }>;
  };
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    t = await createTestApp({ env: { WEBHOOK_TIMEOUT_MS: "300" } });
    admin = await t.login("admin");
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("subscribes a system to a station's problem steps, refusing bad input by field", async () => {
    const bad = await t.as(admin, {
      method: "POST",
      url: "/api/interop/webhooks",
      payload: { name: "区平台", url: "ftp://x", events: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsNamed(bad).sort()).toEqual(["events", "url"]);
    const port = (server.address() as AddressInfo).port;
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/interop/webhooks",
      payload: { name: "区网格化平台", url: `http://127.0.0.1:${port}/hook`, events: ["problem.step"], stationId },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().secret).toMatch(/^whsec_/);
    state.secret = res.json().secret;
    hookId = res.json().id;
    expect((await t.as(staff, { method: "GET", url: "/api/interop/webhooks" })).statusCode).toBe(403);
    expect(await job()).toMatchObject({ queued: 0 }); // the first run starts the sources from now
  });

  it("delivers each step once, signed, through a receiver that never answers and one that fails", async () => {
    const created = await t.as(staff, {
      method: "POST",
      url: "/api/problems",
      payload: {
        title: "东门路灯不亮",
        description: "东门两盏路灯不亮",
        categoryCode: "facility",
        stallId: null,
        source: "walk_in",
        reporterName: "王大爷",
        reporterPhone: "13800138000",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(
      (await t.as(staff, { method: "POST", url: `/api/problems/${p.id}/actions`, payload: { action: "accept", version: p.version } }))
        .statusCode,
    ).toBe(200);

    state.mode = "hang";
    expect(await job()).toMatchObject({ queued: 2, retried: 2 });
    const log = (await t.as(admin, { method: "GET", url: `/api/interop/webhooks/${hookId}/deliveries` })).json();
    expect(log.map((d: { lastError: string }) => d.lastError)).toEqual(["timeout", "timeout"]);
    state.mode = "error";
    later(61_000);
    expect(await job()).toMatchObject({ queued: 0, retried: 2 });
    expect((await t.as(admin, { method: "GET", url: `/api/interop/webhooks/${hookId}/deliveries` })).json()[0]).toMatchObject({
      lastStatus: 500,
      attempts: 2,
    });
    state.mode = "ok";
    later(121_000);
    expect(await job()).toMatchObject({ delivered: 2 });
    later(3_600_000);
    expect(await job()).toMatchObject({ queued: 0, delivered: 0 });
    expect(state.received.map((r) => [r.event, (r.body.data as { action: string }).action])).toEqual([
      ["problem.step", "submit"],
      ["problem.step", "accept"],
    ]);
    expect(state.received[1].body).toMatchObject({
      event: "problem.step",
      stationId,
      data: { problemId: p.id, code: p.code, to: "accepted" },
    });
    expect(JSON.stringify(state.received)).not.toContain("王大爷");
    expect(JSON.stringify(state.received)).not.toContain("13800138000");
    expect(state.bad).toBe(0);
    admin = await t.login("admin"); // the clock ran on past the sessions' idle limit
    staff = await t.login("staff");
    const list = (await t.as(admin, { method: "GET", url: "/api/interop/webhooks" })).json();
    expect(list[0]).toMatchObject({ id: hookId, pending: 0, failed: 0, active: true });
  });

  it("pauses a subscription: nothing is sent while paused", async () => {
    expect(
      (await t.as(admin, { method: "POST", url: `/api/interop/webhooks/${hookId}/active`, payload: { active: false } })).json().active,
    ).toBe(false);
    const p = (
      await t.as(staff, {
        method: "POST",
        url: "/api/problems",
        payload: { title: "西门井盖松动", description: "井盖松动", categoryCode: "facility", stallId: null },
      })
    ).json();
    expect(p.id).toBeGreaterThan(0);
    expect(await job()).toMatchObject({ queued: 0, delivered: 0 });
    expect((await t.as(admin, { method: "POST", url: "/api/interop/webhooks/999999/active", payload: { active: true } })).statusCode).toBe(
      404,
    );
  });
});
