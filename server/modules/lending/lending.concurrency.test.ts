// Fifty people borrowing the last umbrella at once: exactly one succeeds, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

describe(`the last umbrella under contention (${dialectName})`, () => {
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

  it("50 parallel lends of the last available umbrella: one 201, 49 × 409, one open loan, the item lent", async () => {
    const db = t.database.db;
    const shelf = await db
      .selectFrom("lend_items")
      .select(["id", "code"])
      .where("station_id", "=", stationId)
      .where("kind", "=", "umbrella")
      .where("status", "=", "available")
      .orderBy("code")
      .execute();
    const last = shelf[shelf.length - 1];
    // Every other umbrella on the shelf goes out of service: one is left.
    await db
      .updateTable("lend_items")
      .set({ status: "retired" })
      .where(
        "id",
        "in",
        shelf.slice(0, -1).map((i) => i.id),
      )
      .execute();
    const residents = await db.selectFrom("residents").select("id").where("station_id", "=", stationId).orderBy("id").limit(50).execute();
    expect(residents).toHaveLength(50);

    const answers = await Promise.all(
      residents.map((r) =>
        t.as(staff, {
          method: "POST",
          url: "/api/lending/loans",
          payload: { code: last.code, borrowerKind: "resident", borrowerId: r.id },
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(new Set(answers.filter((a) => a.statusCode === 409).map((a) => a.json().error.id))).toEqual(new Set(["lend.not_available"]));

    const open = await db.selectFrom("loans").selectAll().where("item_id", "=", last.id).where("status", "=", "out").execute();
    expect(open).toHaveLength(1);
    const winner = answers.find((a) => a.statusCode === 201)?.json();
    expect(open[0].id).toBe(winner.id);
    const item = await db.selectFrom("lend_items").select(["status"]).where("id", "=", last.id).executeTakeFirstOrThrow();
    expect(item.status).toBe("lent");
    const audits = await db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "loan.lent")
      .where("object_id", "=", String(winner.id))
      .execute();
    expect(audits).toHaveLength(1);
  });

  it("the unique index is the second line of defence: a stale 'available' item with an open loan is still refused", async () => {
    const db = t.database.db;
    const lent = await db
      .selectFrom("lend_items")
      .select(["id", "code", "version"])
      .where("station_id", "=", stationId)
      .where("status", "=", "lent")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    // A status put right by hand while its loan is still open: the conditional update passes, the index refuses.
    await db.updateTable("lend_items").set({ status: "available" }).where("id", "=", lent.id).execute();
    const resident = await db.selectFrom("residents").select("id").where("station_id", "=", stationId).executeTakeFirstOrThrow();
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/lending/loans",
      payload: { code: lent.code, borrowerKind: "resident", borrowerId: resident.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe("lend.not_available");
    const open = await db.selectFrom("loans").select("id").where("item_id", "=", lent.id).where("status", "=", "out").execute();
    expect(open).toHaveLength(1);
    // Rolled back: the item is as it was before the attempt.
    const item = await db.selectFrom("lend_items").select(["status", "version"]).where("id", "=", lent.id).executeTakeFirstOrThrow();
    expect(item).toEqual({ status: "available", version: lent.version });
  });
});
