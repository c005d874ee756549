// Deletes that a reference blocks answer 409 naming what holds the record, and delete nothing.
// The DELETE routes: /api/stalls/:id (problems and reweighs refer to stalls), /api/duty/shifts/:id (service
// requests refer to shifts), /api/meetings/:id/agenda/:itemId (nothing refers to agenda items) and
// /api/red-shield/bookings/:id (a cancellation: an update, not a delete).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isForeignKeyViolation } from "../db/database.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "./helpers.ts";

describe(`deletes a reference blocks (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    stationId = (
      await t.database.db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = t.database.db;
    const n = async (table: "stalls" | "duty_shifts" | "audit_log") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { stalls: await n("stalls"), shifts: await n("duty_shifts"), audit: await n("audit_log") };
  };

  const newStall = async (code: string) => {
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/stalls",
      payload: { stationId, code, area: 8, x: 950, y: 950, w: 2, h: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };

  it("a stall problems were reported at is kept: 409 stall.in_use_problems", async () => {
    const stall = await newStall("T-DEL-1");
    const shanghu = await t.login("shanghu");
    const report = await t.as(shanghu, {
      method: "POST",
      url: "/api/problems",
      payload: { title: "摊位漏水", description: "雨天摊位顶棚漏水", categoryCode: "facility", stallId: stall.id },
    });
    expect(report.statusCode, report.body).toBe(201);
    const before = await counts();
    const res = await t.as(staff, { method: "DELETE", url: `/api/stalls/${stall.id}?version=${stall.version}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ id: "stall.in_use_problems", message: "该摊位已有问题记录引用，不能删除" });
    expect(await counts()).toEqual(before);
  });

  it("a stall with fair-scale reweighs is kept: 409 stall.in_use_reweighs (in English too)", async () => {
    const stall = await newStall("T-DEL-2");
    const db = t.database.db;
    const merchant = await db
      .selectFrom("merchants")
      .select("id")
      .where("station_id", "=", stationId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const sample = await db.selectFrom("reweighs").selectAll().orderBy("id").executeTakeFirstOrThrow();
    const { id: _id, ...copy } = sample;
    await db
      .insertInto("reweighs")
      .values({ ...copy, station_id: stationId, stall_id: stall.id, merchant_id: merchant.id })
      .execute();
    const before = await counts();
    const res = await t.as(staff, {
      method: "DELETE",
      url: `/api/stalls/${stall.id}?version=${stall.version}`,
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      id: "stall.in_use_reweighs",
      message: "Fair-scale reweighs refer to this stall; it cannot be removed",
    });
    expect(await counts()).toEqual(before);
  });

  it("a stall nothing refers to is removed", async () => {
    const stall = await newStall("T-DEL-3");
    const res = await t.as(staff, { method: "DELETE", url: `/api/stalls/${stall.id}?version=${stall.version}` });
    expect(res.statusCode).toBe(200);
    expect(await t.database.db.selectFrom("stalls").select("id").where("id", "=", stall.id).executeTakeFirst()).toBeUndefined();
  });

  it("a duty shift a service request refers to is kept: 409 duty.shift_referenced", async () => {
    const db = t.database.db;
    const today = t.clock.now().toISOString().slice(0, 10);
    const shift = await db
      .selectFrom("duty_shifts")
      .selectAll()
      .where("station_id", "=", stationId)
      .where("booked", "=", 0)
      .where("date", ">", today)
      .where("id", "not in", db.selectFrom("service_requests").select("shift_id").where("shift_id", "is not", null).$castTo<number>())
      .orderBy("date")
      .executeTakeFirstOrThrow();
    const item = await db.selectFrom("service_items").select("id").where("station_id", "=", stationId).executeTakeFirstOrThrow();
    const at = t.clock.now().toISOString();
    await db
      .insertInto("service_requests")
      .values({
        station_id: stationId,
        item_id: item.id,
        channel: "walk_in",
        applicant_name: "王某",
        date: shift.date,
        shift_id: shift.id,
        status: "cancelled",
        created_at: at,
        updated_at: at,
      })
      .execute();
    const before = await counts();
    const res = await t.as(staff, { method: "DELETE", url: `/api/duty/shifts/${shift.id}?version=${shift.version}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe("duty.shift_referenced");
    expect(await counts()).toEqual(before);
  });

  it("recognises the database's own refusal of such a delete on this dialect", async () => {
    const db = t.database.db;
    const held = await db.selectFrom("problems").select("stall_id").where("stall_id", "is not", null).executeTakeFirstOrThrow();
    const error = await db
      .deleteFrom("stalls")
      .where("id", "=", held.stall_id as number)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(isForeignKeyViolation(new Error("UNIQUE constraint failed: stalls.code"))).toBe(false);
  });
});
