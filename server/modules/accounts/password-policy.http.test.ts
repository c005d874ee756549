// The password policy wherever a password is set (one's own change, an admin's reset, a new account): each
// refusal is its own catalogue id naming the field, in both languages, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../demo/tianyuan.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`password policy (${dialectName})`, () => {
  let t: TestApp;
  let zhanzhang: Session;
  let stationId: number;
  beforeAll(async () => {
    t = await createTestApp();
    zhanzhang = await t.login("zhanzhang");
    stationId = (await t.as(zhanzhang, { method: "GET", url: "/api/auth/me" })).json().orgUnitId;
  });
  afterAll(() => t.close());

  const hashOf = async (username: string) =>
    (await t.database.db.selectFrom("users").select("password_hash").where("username", "=", username).executeTakeFirstOrThrow())
      .password_hash;

  const change = (s: Session, newPassword: string, currentPassword = DEMO_PASSWORD, lang = "zh-CN") =>
    t.as(s, { method: "POST", url: "/api/auth/password", payload: { currentPassword, newPassword }, headers: { "accept-language": lang } });

  it.each([
    ["Ab1!short", "password.too_short", "密码至少 10 个字符"],
    ["tianyuanmarket", "password.too_few_kinds", "密码需包含大写字母、小写字母、数字、符号中的至少三类"],
    ["P@ssw0rd123", "password.common", "密码过于常见，请换一个"],
    ["Wuye-2026-new", "password.contains_username", "密码不能包含用户名"],
    [DEMO_PASSWORD, "password.reused", "新密码不能与当前密码或最近 5 次用过的密码相同"],
  ])("one's own new password %s is refused: %s", async (password, id, message) => {
    const s = await t.login("wuye");
    const before = await hashOf("wuye");
    const res = await change(s, password);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ id, message, fields: [{ field: "newPassword", message }] });
    expect(await hashOf("wuye")).toBe(before);
  });

  it("names the rule in English too", async () => {
    const s = await t.login("wuye");
    const res = await change(s, "tianyuanmarket", DEMO_PASSWORD, "en");
    expect(res.json().error).toMatchObject({
      id: "password.too_few_kinds",
      message: "The password needs at least three of: upper-case letters, lower-case letters, digits, symbols",
    });
  });

  it("refuses the mobile number and the last five passwords, and lets the sixth back", async () => {
    const db = t.database.db;
    const created = await t.as(zhanzhang, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "histo",
        displayName: "历史",
        password: "Start-Pass-000",
        role: "station_staff",
        orgUnitId: stationId,
        mobile: "13900002222",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    let s = await t.login("histo", "Start-Pass-000");
    const phone = await change(s, "Ab-13900002222", "Start-Pass-000");
    expect(phone.json().error).toMatchObject({ id: "password.contains_phone", fields: [{ field: "newPassword" }] });

    const passwords = [
      "Start-Pass-000",
      "Next-Pass-001",
      "Next-Pass-002",
      "Next-Pass-003",
      "Next-Pass-004",
      "Next-Pass-005",
      "Next-Pass-006",
    ];
    for (let i = 1; i < passwords.length; i++) {
      s = await t.login("histo", passwords[i - 1]);
      expect((await change(s, passwords[i], passwords[i - 1])).statusCode).toBe(200);
    }
    // Current: 006; the last five before it: 005…001. Each is refused; 000 (the sixth back) is allowed again.
    const user = await db.selectFrom("users").select("id").where("username", "=", "histo").executeTakeFirstOrThrow();
    const kept = await db.selectFrom("password_history").select("id").where("user_id", "=", user.id).execute();
    expect(kept).toHaveLength(5);
    s = await t.login("histo", "Next-Pass-006");
    for (const old of passwords.slice(1)) {
      const res = await change(s, old, "Next-Pass-006");
      expect(res.json().error.id, old).toBe("password.reused");
    }
    expect((await change(s, "Start-Pass-000", "Next-Pass-006")).statusCode).toBe(200);
  });

  it("applies the policy to an admin's reset (including the account's history) and to a new account", async () => {
    const target = await t.database.db
      .selectFrom("users")
      .select(["id", "password_hash"])
      .where("username", "=", "staff")
      .executeTakeFirstOrThrow();
    for (const [password, id] of [
      ["tianyuanmarket", "password.too_few_kinds"],
      ["Staff-2026-abc", "password.contains_username"],
      [DEMO_PASSWORD, "password.reused"],
    ]) {
      const res = await t.as(zhanzhang, { method: "POST", url: `/api/users/${target.id}/password`, payload: { password } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ id, fields: [{ field: "password" }] });
    }
    expect(await hashOf("staff")).toBe(target.password_hash);

    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom("users")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const [password, id] of [
      ["plainlowercase", "password.too_few_kinds"],
      ["Newbie@2026!", "password.contains_username"],
      ["Ab!13900003333", "password.contains_phone"],
    ]) {
      const res = await t.as(zhanzhang, {
        method: "POST",
        url: "/api/users",
        payload: { username: "newbie", displayName: "新人", password, role: "station_staff", orgUnitId: stationId, mobile: "13900003333" },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ id, fields: [{ field: "password" }] });
    }
    expect(await count()).toBe(before);
  });
});
