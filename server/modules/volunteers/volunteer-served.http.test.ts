import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Served = {
  id: number;
  kind: string;
  kindName: string;
  count: number;
  teamId: number;
  residentId: number | null;
  confirmedAt: string | null;
};

describe(`people served (服务对象) over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  let past: { id: number; date: string };
  let residentId: number;
  let otherStationMerchant: number;

  const count = async (table: "volunteer_served" | "audit_log" | "notifications") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const record = (id: number, entries: object[], session: Session = staff) =>
    t.as(session, { method: "POST", url: `/api/volunteer-occurrences/${id}/served`, payload: { entries } });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const today = stationDate(t.clock.now());
    // A past 16th: every team takes part (knives, haircuts, legal consultations, counselling).
    past = await db
      .selectFrom("volunteer_occurrences as o")
      .innerJoin("volunteer_series as s", "s.id", "o.series_id")
      .select(["o.id", "o.date"])
      .where("o.station_id", "=", stationId)
      .where("s.title", "=", "16·爱一直在行动")
      .where("o.date", "<", addDays(today, -1))
      .orderBy("o.date", "desc")
      .executeTakeFirstOrThrow();
    residentId = (await db.selectFrom("users").select("resident_id").where("username", "=", "jumin").executeTakeFirstOrThrow())
      .resident_id as number;
    otherStationMerchant = (await db.selectFrom("merchants").select("id").where("station_id", "<>", stationId).executeTakeFirstOrThrow())
      .id;
  });
  afterAll(() => t.close());

  it("refuses a kind off the menu, counts out of bounds, people of another station and activities not held, writing nothing", async () => {
    const rows = await count("volunteer_served");
    const audits = await count("audit_log");
    const cases: [object[], string, string][] = [
      [[{ kind: "massage", count: 3 }], "entries.0.kind", "volunteer.kind_not_on_menu"],
      [
        [
          { kind: "knives", count: 2 },
          { kind: "haircuts", count: 0 },
        ],
        "entries.1.count",
        "request.invalid",
      ],
      [[{ kind: "knives", count: 501 }], "entries.0.count", "request.invalid"],
      [[{ kind: "knives", count: 1.5 }], "entries.0.count", "request.invalid"],
      [[{ kind: "haircuts", count: 1, merchantId: 1, residentId }], "entries.0.residentId", "request.invalid"],
      [[{ kind: "knives", count: 1, merchantId: otherStationMerchant }], "entries.0.merchantId", "volunteer.bad_beneficiary"],
      [[{ kind: "knives", count: 1, residentId: 2_000_000 }], "entries.0.residentId", "volunteer.bad_beneficiary"],
      [[{ kind: "knives", count: 1, teamId: 2_000_000 }], "entries.0.teamId", "volunteer.bad_team"],
      [[], "entries", "request.invalid"],
    ];
    for (const [entries, field, id] of cases) {
      const res = await record(past.id, entries);
      expect(res.statusCode, JSON.stringify(entries)).toBe(400);
      expect(res.json().error.id).toBe(id);
      expect(fieldsNamed(res)).toContain(field);
    }
    // An activity to come, or one cancelled, has not been held.
    const coming = await t.database.db
      .selectFrom("volunteer_occurrences")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", ">", stationDate(t.clock.now()))
      .executeTakeFirstOrThrow();
    const notHeld = await record(coming.id, [{ kind: "knives", count: 3 }]);
    expect(notHeld.statusCode).toBe(409);
    expect(notHeld.json().error.id).toBe("volunteer.not_held");
    const earlier = await t.database.db
      .selectFrom("volunteer_occurrences")
      .select("id")
      .where("station_id", "=", stationId)
      .where("date", "<", past.date)
      .orderBy("date", "desc")
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable("volunteer_occurrences")
      .set({ status: "cancelled", status_reason: "大风" })
      .where("id", "=", earlier.id)
      .execute();
    expect((await record(earlier.id, [{ kind: "knives", count: 3 }])).json().error.id).toBe("volunteer.not_held");
    expect(await count("volunteer_served")).toBe(rows);
    expect(await count("audit_log")).toBe(audits);
    // Another station's admin does not reach it.
    const youyi = await t.login("youyi");
    expect((await record(past.id, [{ kind: "knives", count: 3 }], youyi)).statusCode).toBe(404);
  });

  it("records counts per kind with the team whose menu has it, tells the resident served, who confirms once", async () => {
    const notices = await count("notifications");
    const res = await record(past.id, [
      { kind: "knives", count: 18 },
      { kind: "haircuts", count: 1, residentId, note: "上门理发" },
      { kind: "counselling", count: 4 },
    ]);
    expect(res.statusCode).toBe(201);
    const added = res.json() as Served[];
    expect(added.map((s) => [s.kind, s.count])).toEqual([
      ["knives", 18],
      ["haircuts", 1],
      ["counselling", 4],
    ]);
    expect(added[1]).toMatchObject({ kindName: "义务理发", residentId, confirmedAt: null });
    expect(await count("notifications")).toBe(notices + 1);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("after_json")
      .where("action", "=", "volunteer_served.recorded")
      .where("object_id", "=", String(past.id))
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? "{}").servedIds).toEqual(added.map((s) => s.id));
    const detail = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${past.id}` })).json();
    expect(detail.served.map((s: Served) => s.id)).toEqual(expect.arrayContaining(added.map((s) => s.id)));

    const jumin = await t.login("jumin");
    const mine = (await t.as(jumin, { method: "GET", url: "/api/me/volunteer-served" })).json();
    const haircut = mine.find((s: Served) => s.id === added[1].id);
    expect(haircut).toMatchObject({ date: past.date, title: "16·爱一直在行动", confirmedAt: null });
    // Somebody else cannot confirm it; the resident does, once.
    const shanghu = await t.login("shanghu");
    expect((await t.as(shanghu, { method: "POST", url: `/api/me/volunteer-served/${added[1].id}/confirm` })).statusCode).toBe(404);
    const confirmed = await t.as(jumin, { method: "POST", url: `/api/me/volunteer-served/${added[1].id}/confirm` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().confirmedAt).not.toBeNull();
    const twice = await t.as(jumin, { method: "POST", url: `/api/me/volunteer-served/${added[1].id}/confirm` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe("volunteer.served_confirmed");

    // The organiser takes back an unconfirmed entry, never a confirmed one.
    expect((await t.as(staff, { method: "DELETE", url: `/api/volunteer-served/${added[1].id}` })).json().error.id).toBe(
      "volunteer.served_confirmed",
    );
    expect((await t.as(staff, { method: "DELETE", url: `/api/volunteer-served/${added[2].id}` })).json()).toEqual({ ok: true });
    const left = (await t.as(staff, { method: "GET", url: `/api/volunteer-occurrences/${past.id}/served` })).json() as Served[];
    expect(left.map((s) => s.id)).not.toContain(added[2].id);
    expect(left.map((s) => s.id)).toContain(added[1].id);
  });

  it("has people served on the demo's past activities, and jumin a haircut waiting for confirmation", async () => {
    const jumin = await t.login("jumin");
    const mine = (await t.as(jumin, { method: "GET", url: "/api/me/volunteer-served" })).json() as Served[];
    expect(mine.some((s) => s.kind === "haircuts" && s.confirmedAt === null)).toBe(true);
    const counts = await t.database.db
      .selectFrom("volunteer_served")
      .select((eb) => eb.fn.sum<number>("count").as("n"))
      .where("station_id", "=", stationId)
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBeGreaterThan(500);
  });
});
