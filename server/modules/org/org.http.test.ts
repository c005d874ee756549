// Org management over HTTP: the district officer adds streets, communities and stations under their district (station
// staff are refused, another district's units are out of sight, codes are unique, edits are version-checked and
// audited), a new station's onboarding checklist moves as its records are added, and the district's comparison lists
// it as not reporting until it has records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

describe(`org management (${dialectName})`, () => {
  let t: TestApp;
  let district: Session;
  let staff: Session;
  let admin: Session;
  let districtId: number;
  let otherDistrictId: number;
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();

  beforeAll(async () => {
    t = await createTestApp();
    [district, staff, admin] = await Promise.all([t.login("district"), t.login("staff"), t.login("admin")]);
    const db = t.database.db;
    districtId = (await db.selectFrom("org_units").select("id").where("kind", "=", "district").orderBy("id").executeTakeFirstOrThrow()).id;
    // Another district on the same installation, out of the district officer's reach.
    const other = await db
      .insertInto("org_units")
      .values({
        parent_id: null,
        kind: "district",
        name: "独山子区",
        code: `OTHER-${tag}`,
        path: "",
        created_at: t.clock.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    otherDistrictId = other.id;
    await db
      .updateTable("org_units")
      .set({ path: `/${other.id}/` })
      .where("id", "=", other.id)
      .execute();
  });
  afterAll(() => t.close());

  const post = (s: Session, payload: object) => t.as(s, { method: "POST", url: "/api/org/units", payload });
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  let streetId: number;
  let communityId: number;
  let stationId: number;

  it("adds a street, a community and a station under the district, each audited", async () => {
    const before = await auditCount();
    const street = await post(district, { parentId: districtId, kind: "street", name: "  新华路街道 ", code: `ST-${tag}` });
    expect(street.statusCode, street.body).toBe(201);
    expect(street.json()).toMatchObject({ kind: "street", name: "新华路街道", parentId: districtId, version: 1 });
    streetId = street.json().id;
    const community = await post(district, { parentId: streetId, kind: "community", name: "新华社区", code: `CO-${tag}` });
    expect(community.statusCode, community.body).toBe(201);
    communityId = community.json().id;
    const station = await post(district, {
      parentId: communityId,
      kind: "station",
      name: "新华市场党群服务站",
      code: `SS-${tag}`,
      address: "新华路 1 号",
    });
    expect(station.statusCode, station.body).toBe(201);
    stationId = station.json().id;
    expect(await auditCount()).toBe(before + 3);
    const entry = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "object_id", "station_id"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: "org_unit.created", object_id: String(stationId), station_id: stationId });
    // The new station is in the officer's reach at once: the tree lists it.
    const tree = (await t.as(district, { method: "GET", url: "/api/org/units" })).json();
    expect(tree.map((u: { id: number }) => u.id)).toEqual(expect.arrayContaining([streetId, communityId, stationId]));
  });

  it("refuses station staff (403) and hides another district's units (404)", async () => {
    const res = await post(staff, { parentId: communityId, kind: "station", name: "x", code: `X1-${tag}` });
    expect(res.statusCode).toBe(403);
    const outside = await post(district, { parentId: otherDistrictId, kind: "street", name: "外区街道", code: `X2-${tag}` });
    expect(outside.statusCode).toBe(404);
    expect((await t.as(district, { method: "GET", url: `/api/org/units/${otherDistrictId}` })).statusCode).toBe(404);
    const edit = await t.as(district, { method: "PATCH", url: `/api/org/units/${otherDistrictId}`, payload: { name: "y", version: 1 } });
    expect(edit.statusCode).toBe(404);
    // The platform admin reaches every district.
    expect((await post(admin, { parentId: otherDistrictId, kind: "street", name: "外区街道", code: `X3-${tag}` })).statusCode).toBe(201);
  });

  it("validates: names required, a station only under a community, a code used once (409), nothing written", async () => {
    const before = await auditCount();
    const blank = await post(district, { parentId: communityId, kind: "station", name: "  ", code: "" });
    expect(blank.statusCode).toBe(400);
    expect([...new Set(fieldsNamed(blank))].sort()).toEqual(["code", "name"]);
    const wrongParent = await post(district, { parentId: streetId, kind: "station", name: "站", code: `W-${tag}` });
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().error).toMatchObject({ id: "org.parent_kind", fields: [{ field: "parentId" }] });
    const duplicate = await post(district, { parentId: communityId, kind: "station", name: "重复", code: `ss-${tag}` });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ id: "org.code_taken", fields: [{ field: "code" }] });
    expect(await auditCount()).toBe(before);
  });

  it("edits with the version read; a stale edit is refused (409) and a taken code too", async () => {
    const url = `/api/org/units/${stationId}`;
    const first = await t.as(district, { method: "PATCH", url, payload: { name: "新华市场服务站", version: 1 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: "新华市场服务站", version: 2 });
    const stale = await t.as(district, { method: "PATCH", url, payload: { name: "又改", version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const taken = await t.as(district, { method: "PATCH", url, payload: { code: `CO-${tag}`, version: 2 } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.id).toBe("org.code_taken");
    // Two edits from the same copy at once: one wins, the other is refused.
    const race = await Promise.all(
      ["甲", "乙"].map((n) => t.as(district, { method: "PATCH", url, payload: { name: `新华${n}`, version: 2 } })),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("counts the new station's onboarding checklist from its records as they are added", async () => {
    const checklist = async () => {
      const res = await t.as(district, { method: "GET", url: `/api/org/onboarding?stationId=${stationId}` });
      expect(res.statusCode, res.body).toBe(200);
      const [one] = res.json();
      return Object.fromEntries(one.items.map((i: { key: string; count: number }) => [i.key, i.count]));
    };
    expect(await checklist()).toEqual({ accounts: 0, allianceUnits: 0, serviceItems: 0, dutyRoster: 0 });

    const user = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: {
        username: `xh${tag.toLowerCase()}`,
        displayName: "新华站长",
        password: "Xinhua#Station2026!",
        role: "station_admin",
        orgUnitId: stationId,
      },
    });
    expect(user.statusCode, user.body).toBe(201);
    expect((await checklist()).accounts).toBe(1);

    const stationAdmin = await t.login(`xh${tag.toLowerCase()}`, "Xinhua#Station2026!");
    const unit = await t.as(stationAdmin, {
      method: "POST",
      url: "/api/alliance-units",
      payload: { name: "新华社区居委会", kind: "joint_conference" },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    expect((await checklist()).allianceUnits).toBe(1);

    const item = await t.as(stationAdmin, {
      method: "POST",
      url: "/api/services/items",
      payload: {
        code: `XH-${tag}`.slice(0, 20),
        name: "营业执照咨询",
        unitId: unit.json().id,
        audience: "merchant",
        timeLimitDays: 0,
        handling: "on_site",
      },
    });
    expect(item.statusCode, item.body).toBe(201);
    expect((await checklist()).serviceItems).toBe(1);

    const tomorrow = stationDate(new Date(t.clock.now().getTime() + 86_400_000));
    const shift = await t.as(stationAdmin, {
      method: "POST",
      url: "/api/duty/shifts",
      payload: { unitId: unit.json().id, date: tomorrow },
    });
    expect(shift.statusCode, shift.body).toBe(201);
    const all = (await t.as(district, { method: "GET", url: "/api/org/onboarding" })).json();
    const mine = all.find((o: { stationId: number }) => o.stationId === stationId);
    expect(mine).toMatchObject({ done: 4, of: 4 });
    // Staff see their own station's checklist only.
    const theirs = (await t.as(staff, { method: "GET", url: "/api/org/onboarding" })).json();
    expect(theirs).toHaveLength(1);
    expect((await t.as(staff, { method: "GET", url: `/api/org/onboarding?stationId=${stationId}` })).statusCode).toBe(404);
  });

  it("lists the new station in the district's comparison as not reporting, and exports the comparison", async () => {
    const res = await t.as(district, { method: "GET", url: `/api/figures/compare?scope=district:${districtId}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.stations.map((s: { id: number }) => s.id)).toContain(stationId);
    // Its catalogue has one item and its alliance one unit now (the checklist's steps above); every other figure has
    // none of its records yet.
    const added = new Set(["counter.service_items", "alliance.units"]);
    for (const f of body.figures) {
      const v = f.values.find((x: { stationId: number }) => x.stationId === stationId);
      expect(v, f.id).toBeDefined();
      if (!added.has(f.id)) {
        expect(v.recordCount, f.id).toBe(0);
        expect(v.rank === null || v.value === 0, f.id).toBe(true);
        expect(f.reporting, f.id).toBeLessThan(f.of);
      }
      expect(f.of).toBe(body.stations.length);
    }
    const street = (await t.as(district, { method: "GET", url: `/api/figures/compare?scope=street:${streetId}` })).json();
    expect(street.stations.map((s: { id: number }) => s.id)).toEqual([stationId]);
    const xlsx = await t.as(district, { method: "GET", url: `/api/org/compare/export?scope=district:${districtId}` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const names = sheet.getColumn(1).values.slice(2).map(String);
    expect(names.some((n) => n.startsWith("新华"))).toBe(true);
    expect(names.at(-1)).toBe("报送站点");
  });
});
