// WeChat template messages against a local stand-in for the official account's API (a server on a random port):
// the access token is fetched once, shared, refreshed before expiry and when WeChat refuses it; errors, silence and
// malformed answers are retried; an unsubscribed user is given up on; an openid is bound only with consent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Mode = "ok" | "busy" | "hang" | "malformed" | "unsubscribed";

function standIn() {
  const state = { mode: "ok" as Mode, tokenFetches: 0, valid: "", sent: [] as Record<string, unknown>[] };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand.in");
      const json = (o: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(o));
      if (url.pathname === "/cgi-bin/token") {
        if (url.searchParams.get("appid") !== "wx-test" || url.searchParams.get("secret") !== "wx-secret")
          return json({ errcode: 40013, errmsg: "invalid appid" });
        state.tokenFetches++;
        state.valid = `token-${state.tokenFetches}`;
        return json({ access_token: state.valid, expires_in: 7200 });
      }
      if (url.pathname === "/sns/oauth2/access_token") {
        return url.searchParams.get("code") === "good-code"
          ? json({ access_token: "x", expires_in: 7200, openid: "oTIANYUAN-merchant", scope: "snsapi_base" })
          : json({ errcode: 40029, errmsg: "invalid code" });
      }
      if (url.pathname === "/cgi-bin/message/template/send") {
        if (url.searchParams.get("access_token") !== state.valid) return json({ errcode: 40001, errmsg: "invalid credential" });
        if (state.mode === "hang") return;
        if (state.mode === "malformed") return res.writeHead(502).end("Bad Gateway");
        if (state.mode === "busy") return json({ errcode: -1, errmsg: "system error" });
        if (state.mode === "unsubscribed") return json({ errcode: 43004, errmsg: "require subscribe" });
        state.sent.push(JSON.parse(body));
        return json({ errcode: 0, errmsg: "ok", msgid: 200228332 + state.sent.length });
      }
      res.writeHead(404).end();
    });
  });
  return { server, state };
}

describe(`WeChat template messages (${dialectName})`, () => {
  const stand = standIn();
  let t: TestApp;
  let staff: Session;
  let merchant: Session;

  const job = () => {
    const j = t.app.jobs.find((x) => x.name === "interop.wechat_send");
    if (!j) throw new Error("no wechat job");
    return j.run(t.clock.now()) as Promise<{ sent: number; retried: number; failed: number }>;
  };
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
  const rows = () => t.database.db.selectFrom("wechat_messages").selectAll().orderBy("id").execute();
  const acceptOne = async () => {
    staff = await t.login("staff");
    merchant = await t.login("shanghu");
    const p = (
      await t.as(merchant, {
        method: "POST",
        url: "/api/problems",
        payload: { title: "冷库门关不严", description: "冷库门密封条老化", categoryCode: "facility", stallId: null },
      })
    ).json();
    expect(
      (await t.as(staff, { method: "POST", url: `/api/problems/${p.id}/actions`, payload: { action: "accept", version: p.version } }))
        .statusCode,
    ).toBe(200);
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => stand.server.listen(0, "127.0.0.1", resolve));
    const port = (stand.server.address() as AddressInfo).port;
    t = await createTestApp({
      env: {
        WECHAT_APP_ID: "wx-test",
        WECHAT_APP_SECRET: "wx-secret",
        WECHAT_ENDPOINT: `http://127.0.0.1:${port}`,
        WECHAT_TIMEOUT_MS: "300",
        WECHAT_LINK_BASE: "https://dandelion.example.cn",
        WECHAT_TEMPLATES: JSON.stringify({
          "problem.accept": { template: "TPL-accept", fields: { thing1: "title", character_string2: "code" } },
        }),
      },
    });
    merchant = await t.login("shanghu");
  });
  afterAll(async () => {
    await t.close();
    stand.server.closeAllConnections();
    await new Promise((resolve) => stand.server.close(resolve));
  });

  it("binds an openid only with the account's consent and a valid authorisation code", async () => {
    expect((await t.as(merchant, { method: "GET", url: "/api/me/wechat" })).json()).toEqual({
      configured: true,
      bound: false,
      consentedAt: null,
    });
    await acceptOne();
    expect(await rows()).toEqual([]); // not bound: nothing queued
    const refused = await t.as(merchant, { method: "PUT", url: "/api/me/wechat", payload: { code: "good-code", consent: false } });
    expect(refused.json().error).toMatchObject({ id: "interop.wechat_consent", fields: [{ field: "consent" }] });
    const bad = await t.as(merchant, { method: "PUT", url: "/api/me/wechat", payload: { code: "stale", consent: true } });
    expect(bad.json().error).toMatchObject({ id: "interop.wechat_code", fields: [{ field: "code" }] });
    expect(await t.database.db.selectFrom("wechat_bindings").selectAll().execute()).toEqual([]);
    const bound = await t.as(merchant, { method: "PUT", url: "/api/me/wechat", payload: { code: "good-code", consent: true } });
    expect(bound.json()).toMatchObject({ configured: true, bound: true });
  });

  it("sends through errors with one shared token, refreshing it when refused and before it expires", async () => {
    await acceptOne();
    expect((await rows())[0]).toMatchObject({ status: "pending", template: "TPL-accept" });
    stand.state.mode = "busy";
    expect(await job()).toMatchObject({ retried: 1 });
    expect(stand.state.tokenFetches).toBe(1);
    stand.state.mode = "hang";
    later(61_000);
    expect(await job()).toMatchObject({ retried: 1 });
    expect((await rows())[0].last_error).toBe("timeout");
    stand.state.mode = "malformed";
    later(121_000);
    expect(await job()).toMatchObject({ retried: 1 });
    stand.state.mode = "ok";
    later(241_000);
    expect(await job()).toMatchObject({ sent: 1 });
    expect(stand.state.tokenFetches).toBe(1); // cached, in the database
    expect(stand.state.sent[0]).toEqual({
      touser: "oTIANYUAN-merchant",
      template_id: "TPL-accept",
      url: expect.stringMatching(/^https:\/\/dandelion\.example\.cn\/m\/problems\/\d+$/),
      data: { thing1: { value: "冷库门关不严" }, character_string2: { value: expect.stringMatching(/^P\d{8}-\d{5}$/) } },
    });
    const token = await t.database.db.selectFrom("wechat_tokens").selectAll().executeTakeFirstOrThrow();
    expect(token.token_enc).not.toContain("token-1");

    stand.state.valid = "revoked-elsewhere"; // WeChat answers 40001: refreshed once, then sent
    await acceptOne();
    expect(await job()).toMatchObject({ sent: 1 });
    expect(stand.state.tokenFetches).toBe(2);
    later(7200_000 - 4 * 60_000); // within five minutes of expiry: fetched anew before sending
    await acceptOne();
    expect(await job()).toMatchObject({ sent: 1 });
    expect(stand.state.tokenFetches).toBe(3);
    expect(await job()).toMatchObject({ sent: 0, retried: 0 });
    expect(stand.state.sent).toHaveLength(3);
  });

  it("gives up on an unsubscribed user, and drops what waits when the account unbinds", async () => {
    stand.state.mode = "unsubscribed";
    await acceptOne();
    expect(await job()).toMatchObject({ failed: 1 });
    expect((await rows()).at(-1)).toMatchObject({ status: "failed", last_error: "43004: require subscribe" });
    stand.state.mode = "ok";
    await acceptOne();
    expect((await t.as(merchant, { method: "DELETE", url: "/api/me/wechat" })).json()).toMatchObject({ bound: false });
    expect((await rows()).at(-1)).toMatchObject({ status: "failed", last_error: "unbound" });
    expect(await job()).toMatchObject({ sent: 0 });
  });
});
