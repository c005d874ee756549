import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../demo/tianyuan.ts";
import { createTestApp, dialectName, type TestApp } from "../../test/helpers.ts";

describe(`accounts and sessions (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs in with a username and answers /me with the role's actions", async () => {
    const s = await t.login("staff");
    const me = await t.as(s, { method: "GET", url: "/api/auth/me" });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: "staff", role: "station_staff", orgUnitName: "天源市场党群服务站" });
    expect(me.json().actions).toContain("merchant.write");
    expect(me.json().stations).toHaveLength(1);
  });

  it("sets an HttpOnly session cookie with SameSite=Lax", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "staff", password: DEMO_PASSWORD } });
    const session = res.cookies.find((c) => c.name === "dd_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "shuji", password: "Wrong-password-1" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody", password: "Wrong-password-1" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.id).toBe("auth.invalid_credentials");
  });

  it("locks an identifier out after 5 failures in 15 minutes, known or not, even with the right password", async () => {
    for (const username of ["zhiyuanzhe", "ghost-user"]) {
      // Each try from its own address: this is the lock-out, not the per-address limit (rate-limits.http.test.ts).
      const attempts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.app.inject({
            method: "POST",
            url: "/api/auth/login",
            payload: { username, password: "Wrong-password-1" },
            remoteAddress: `10.251.${username.length}.${i + 1}`,
          }),
        ),
      );
      expect(attempts.filter((a) => a.statusCode === 401)).toHaveLength(5);
      expect(attempts.filter((a) => a.statusCode === 429)).toHaveLength(3);
    }
    const right = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "zhiyuanzhe", password: DEMO_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.id).toBe("auth.locked");
  });

  it("answers in English when asked", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { username: "shuji", password: "nope" },
    });
    expect(res.json().error.message).toBe("Wrong username or password");
  });

  it("refuses a state-changing request without the CSRF token", async () => {
    const s = await t.login("staff");
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.id).toBe("auth.csrf");
  });

  it("ends the session on logout", async () => {
    const s = await t.login("staff");
    expect((await t.as(s, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await t.as(s, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("enforces the password policy and names the field", async () => {
    const s = await t.login("zhanzhang");
    const res = await t.as(s, {
      method: "POST",
      url: "/api/users",
      payload: { username: "newstaff", displayName: "新同事", password: "1234567890", role: "station_staff", orgUnitId: 4 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ id: "password.common", fields: [{ field: "password", message: "密码过于常见，请换一个" }] });
  });

  it("lets a station admin create staff but not another admin, and audits it", async () => {
    const s = await t.login("zhanzhang");
    const me = (await t.as(s, { method: "GET", url: "/api/auth/me" })).json();
    const admin = await t.as(s, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "boss2",
        displayName: "第二站长",
        password: "Tianyuan-Market-7",
        role: "station_admin",
        orgUnitId: me.orgUnitId,
      },
    });
    expect(admin.statusCode).toBe(403);
    const created = await t.as(s, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "newstaff",
        displayName: "新同事",
        password: "Tianyuan-Market-7",
        role: "station_staff",
        orgUnitId: me.orgUnitId,
        mobile: "13900001111",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().mobile).toBe("139****1111");
    const login = await t.login("13900001111", "Tianyuan-Market-7");
    expect(login.cookie).toContain("dd_session=");
    // The account's events go to its station's log: its head sees them, another station's does not.
    const audit = await t.as(s, { method: "GET", url: `/api/audit?action=user.created&objectId=${created.json().id}` });
    expect(audit.json().total).toBe(1);
    expect(audit.json().items[0].stationId).toBe(me.orgUnitId);
    const other = await t.login("youyi");
    const otherAudit = await t.as(other, { method: "GET", url: `/api/audit?action=user.created&objectId=${created.json().id}` });
    expect(otherAudit.json().total).toBe(0);
    const reset = await t.as(s, {
      method: "POST",
      url: `/api/users/${created.json().id}/password`,
      payload: { password: "Karamay-Market-8" },
    });
    expect(reset.statusCode).toBe(200);
    const resetAudit = await t.as(s, { method: "GET", url: `/api/audit?action=user.password_reset&objectId=${created.json().id}` });
    expect(resetAudit.json().items.map((e: { stationId: number }) => e.stationId)).toEqual([me.orgUnitId]);
    const adminSession = await t.login("admin");
    const adminAudit = await t.as(adminSession, { method: "GET", url: `/api/audit?action=user.created&objectId=${created.json().id}` });
    expect(adminAudit.json().items[0].actorName).toBe("站长 李建华");
  });

  it("disabling an account ends its sessions", async () => {
    const admin = await t.login("zhanzhang");
    const victim = await t.login("shuji");
    const me = (await t.as(victim, { method: "GET", url: "/api/auth/me" })).json();
    const user = (await t.as(admin, { method: "GET", url: `/api/users/${me.id}` })).json();
    const res = await t.as(admin, { method: "PATCH", url: `/api/users/${me.id}`, payload: { status: "disabled", version: user.version } });
    expect(res.statusCode).toBe(200);
    expect((await t.as(victim, { method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const again = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "shuji", password: DEMO_PASSWORD } });
    expect(again.json().error.id).toBe("auth.disabled");
  });

  it("changes one's own password", async () => {
    const s = await t.login("scjg");
    const bad = await t.as(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "nope", newPassword: "Another-Secret-42" },
    });
    expect(bad.json().error.fields[0].field).toBe("currentPassword");
    const ok = await t.as(s, {
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: DEMO_PASSWORD, newPassword: "Another-Secret-42" },
    });
    expect(ok.statusCode).toBe(200);
    await t.login("scjg", "Another-Secret-42");
  });
});
