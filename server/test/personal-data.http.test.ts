// A mask must not be undone by what sits beside it. For each role that may read them: a resident's masked ID
// number (650203********0006 hides exactly the birth date) comes without the birth date — the year and the age
// only — and an account whose username is its mobile number does not show the number whole next to its mask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Role } from "../../contracts/access.ts";
import { birthDateFromIdNumber } from "../../contracts/validators.ts";
import { createTestApp, dialectName, type TestApp } from "./helpers.ts";

const accounts: Record<Role, string> = {
  platform_admin: "admin",
  district_officer: "district",
  station_admin: "zhanzhang",
  station_staff: "staff",
  branch_secretary: "shuji",
  department_officer: "scjg",
  alliance_contact: "wuye",
  merchant: "shanghu",
  resident: "jumin",
  volunteer: "zhiyuanzhe",
};

/** Every YYYY-MM-DD or YYYYMMDD date anywhere in a response, as YYYYMMDD. */
function datesIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    for (const m of value.matchAll(/(\d{4})-?(\d{2})-?(\d{2})/g)) out.add(`${m[1]}${m[2]}${m[3]}`);
  } else if (value && typeof value === "object") for (const v of Object.values(value)) datesIn(v, out);
  return out;
}

describe(`masked personal data cannot be rebuilt (${dialectName})`, () => {
  let t: TestApp;
  let ids: { id: number; birth: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    const rows = await t.database.db.selectFrom("residents").select(["id", "id_number_enc"]).orderBy("id").limit(40).execute();
    ids = rows.map((r) => ({ id: r.id, birth: (birthDateFromIdNumber(t.vault.decrypt(r.id_number_enc)) ?? "").replaceAll("-", "") }));
  });
  afterAll(() => t.close());

  it("no role reads a resident's birth date next to the masked ID number, in the list or the record", async () => {
    const readers = (Object.keys(accounts) as Role[]).filter((role) => can(role, "resident.read"));
    expect(readers.length).toBeGreaterThan(3);
    for (const role of readers) {
      const s = await t.login(accounts[role]);
      const list = await t.as(s, { method: "GET", url: "/api/residents?pageSize=100" });
      expect(list.statusCode, role).toBe(200);
      const items = list.json().items as Record<string, unknown>[];
      for (const item of items) {
        expect(item, role).not.toHaveProperty("birthDate");
        expect(String(item.idNumber), role).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      }
      for (const { id, birth } of ids.slice(0, 10)) {
        const one = await t.as(s, { method: "GET", url: `/api/residents/${id}` });
        if (one.statusCode !== 200) continue;
        expect(one.json(), role).not.toHaveProperty("birthDate");
        expect(datesIn(one.json()).has(birth), `${role} resident ${id}`).toBe(false);
        expect(datesIn(items).has(birth), `${role} list`).toBe(false);
      }
    }
  });

  it("an account signing in with its mobile number shows it masked, like its mobile field", async () => {
    const admin = await t.login("zhanzhang");
    const me = (await t.as(admin, { method: "GET", url: "/api/auth/me" })).json();
    const created = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "13900004444",
        displayName: "手机号账号",
        password: "Tianyuan-Market-7",
        role: "station_staff",
        orgUnitId: me.orgUnitId,
        mobile: "13900004444",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: "139****4444", mobile: "139****4444" });
    for (const role of ["platform_admin", "station_admin", "district_officer"] as Role[]) {
      const s = await t.login(accounts[role]);
      const list = await t.as(s, { method: "GET", url: "/api/users?pageSize=100" });
      expect(list.statusCode).toBe(200);
      expect(list.body, role).not.toContain("13900004444");
    }
    // The account itself still signs in with it and sees its own.
    const own = await t.login("13900004444", "Tianyuan-Market-7");
    expect((await t.as(own, { method: "GET", url: "/api/auth/me" })).json().username).toBe("13900004444");
  });
});
