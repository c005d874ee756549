import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate, stationMonth } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

// The console's forms: a funding source's edit (the money received never below what it allocated), an enterprise's
// edit and its pledges month by month, and the market map's night-market pitches beside the stalls.
describe(`editing sources and enterprises, the map's pitches (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let youyi: Session;
  let today: string;
  let month: string;

  const rowOf = async (table: "funding_sources" | "economy_enterprises", id: number) =>
    t.database.db.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    youyi = await t.login("youyi");
    today = stationDate(t.clock.now());
    month = stationMonth(t.clock.now());
  });
  afterAll(() => t.close());

  it("edits a source from its version, refusing a stale copy and a receipt below what is allocated, writing nothing", async () => {
    const created = await t.as(staff, {
      method: "POST",
      url: "/api/funding-sources",
      payload: { name: `区财政局${Math.random()}`, kind: "district_finance", receivedFen: 100_000_00, receivedOn: today },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s.version).toBe(1);
    const alloc = await t.as(staff, {
      method: "POST",
      url: "/api/funding-allocations",
      payload: { sourceId: s.id, amountFen: 60_000_00, allocatedOn: today, targets: [{ activity: "服务站建设", shareBp: 10_000 }] },
    });
    expect(alloc.statusCode, alloc.body).toBe(201);

    const edit = (payload: Record<string, unknown>) => t.as(staff, { method: "PATCH", url: `/api/funding-sources/${s.id}`, payload });
    const fields = { name: s.name, kind: "district_finance", receivedOn: today, note: "第二笔到账" };
    const ok = await edit({ ...fields, receivedFen: 150_000_00, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      receivedFen: 150_000_00,
      allocatedFen: 60_000_00,
      unallocatedFen: 90_000_00,
      version: 2,
      note: "第二笔到账",
    });

    const before = { row: await rowOf("funding_sources", s.id), audit: await auditCount() };
    const stale = await edit({ ...fields, receivedFen: 120_000_00, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const below = await edit({ ...fields, receivedFen: 59_999_99, version: 2 });
    expect(below.statusCode).toBe(409);
    expect(below.json().error).toMatchObject({ id: "economy.received_below_allocated", fields: [{ field: "receivedFen" }] });
    expect(below.json().error.message).toContain("60000.00");
    const fraction = await edit({ ...fields, receivedFen: 100.5, version: 2 });
    expect(fraction.statusCode).toBe(400);
    expect(fieldsNamed(fraction)).toEqual(["receivedFen"]);
    const noName = await edit({ ...fields, name: "", receivedFen: 100_000_00, version: 2 });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields[0].field).toBe("name");
    expect({ row: await rowOf("funding_sources", s.id), audit: await auditCount() }).toEqual(before);

    // Exactly what is allocated is allowed; another station's staff do not reach it.
    expect((await edit({ ...fields, receivedFen: 60_000_00, version: 2 })).statusCode).toBe(200);
    const other = await t.as(youyi, {
      method: "PATCH",
      url: `/api/funding-sources/${s.id}`,
      payload: { ...fields, receivedFen: 1, version: 3 },
    });
    expect(other.statusCode).toBe(404);
  });

  it("edits an enterprise's contact and mobilising unit, refuses a taken name, and lists its pledges month by month", async () => {
    const db = t.database.db;
    const unit = await db.selectFrom("alliance_units").select(["id", "name"]).orderBy("id").executeTakeFirstOrThrow();
    const make = async (name: string) => {
      const res = await t.as(staff, { method: "POST", url: "/api/enterprises", payload: { name } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const a = await make("克拉玛依测试化工有限公司");
    const b = await make("克拉玛依测试物流有限公司");
    expect(a.version).toBe(1);
    const edit = (id: number, payload: Record<string, unknown>) => t.as(staff, { method: "PATCH", url: `/api/enterprises/${id}`, payload });
    const ok = await edit(a.id, { name: a.name, contactName: "马主席", contactTitle: "工会主席", mobilisedByUnitId: unit.id, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ contactName: "马主席", mobilisedByUnitId: unit.id, mobilisedByUnitName: unit.name, version: 2 });

    const before = { row: await rowOf("economy_enterprises", a.id), audit: await auditCount() };
    const taken = await edit(a.id, { name: b.name, version: 2 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ id: "economy.enterprise_exists", fields: [{ field: "name" }] });
    const stale = await edit(a.id, { name: "改名", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const blank = await edit(a.id, { name: " ", version: 2 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe("name");
    expect({ row: await rowOf("economy_enterprises", a.id), audit: await auditCount() }).toEqual(before);

    const [y, m] = month.split("-").map(Number);
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
    for (const [period, amountFen] of [
      [previous, 300_000],
      [month, 500_000],
      [month, 450_000],
    ] as const) {
      const res = await t.as(staff, { method: "PUT", url: `/api/enterprises/${a.id}/pledges`, payload: { period, amountFen } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const badMonth = await t.as(staff, {
      method: "PUT",
      url: `/api/enterprises/${a.id}/pledges`,
      payload: { period: "2026-13", amountFen: 1 },
    });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.fields[0].field).toBe("period");
    const pledges = await t.as(staff, { method: "GET", url: `/api/enterprises/${a.id}/pledges` });
    expect(pledges.statusCode).toBe(200);
    expect(pledges.json()).toEqual([
      { period: month, amountFen: 450_000 },
      { period: previous, amountFen: 300_000 },
    ]);
    expect((await t.as(youyi, { method: "GET", url: `/api/enterprises/${a.id}/pledges` })).statusCode).toBe(404);
  });

  it("draws the night market's pitches beside the stalls, each with whom the season's allocation gave it to", async () => {
    const res = await t.as(staff, { method: "GET", url: "/api/economy/map" });
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.pitchSeason).not.toBeNull();
    const own = await t.as(staff, { method: "GET", url: `/api/night-market-seasons/${map.pitchSeason.id}/pitches` });
    expect(own.statusCode).toBe(200);
    // The same pitches the night market holds for the season, where it holds them.
    const byId = new Map(own.json().map((p: { id: number }) => [p.id, p]));
    expect(map.pitches.length).toBe(byId.size);
    for (const p of map.pitches) expect(byId.get(p.id)).toMatchObject({ number: p.number, x: p.x, y: p.y, w: p.w, h: p.h });
    // Whom the allocation gave each pitch to, read from the night market's own allocation.
    const allocation = await t.as(staff, { method: "GET", url: `/api/night-market-seasons/${map.pitchSeason.id}/allocation` });
    expect(allocation.statusCode, allocation.body).toBe(200);
    const holder = new Map<number, string>();
    for (const a of allocation.json().assignments) for (const id of a.pitchIds) holder.set(id, a.operatorName);
    for (const p of map.pitches) expect(p.operatorName).toBe(holder.get(p.id) ?? null);
    const merchants = new Map(
      (await t.database.db.selectFrom("merchants").select(["id", "name"]).execute()).map((m) => [m.id, m.name] as const),
    );
    for (const p of map.pitches.filter((x: { merchantId: number | null }) => x.merchantId !== null))
      expect(p.merchantName).toBe(merchants.get(p.merchantId));
    // The plan is big enough to hold stalls and pitches.
    for (const p of map.pitches) {
      expect(p.x + p.w).toBeLessThanOrEqual(map.width);
      expect(p.y + p.h).toBeLessThanOrEqual(map.height);
    }
  });
});
