import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stationDate } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";

type Table = "funding_sources" | "funding_allocations" | "funding_expenditures" | "audit_log";

describe(`the funding ledger over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let stationId: number;
  let projectId: number;
  let today: string;

  const count = async (table: Table) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    sources: await count("funding_sources"),
    allocations: await count("funding_allocations"),
    expenditures: await count("funding_expenditures"),
    audit: await count("audit_log"),
  });

  const source = async (receivedFen: number, name = `石化公司${Math.random()}`) => {
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/funding-sources",
      payload: { name, kind: "company", receivedFen, receivedOn: today },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; receivedFen: number; unallocatedFen: number };
  };
  const allocate = (payload: Record<string, unknown>) => t.as(staff, { method: "POST", url: "/api/funding-allocations", payload });
  const spend = (allocationId: number, amountFen: number, payee = "五金店") =>
    t.as(staff, {
      method: "POST",
      url: "/api/funding-expenditures",
      payload: { allocationId, amountFen, spentOn: today, payee, purpose: "服务站桌椅" },
    });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    projectId = (await db.selectFrom("projects").select("id").where("station_id", "=", stationId).orderBy("id").executeTakeFirstOrThrow())
      .id;
    today = stationDate(t.clock.now());
  });
  afterAll(() => t.close());

  it("refuses amounts that are not whole fen or not positive, naming the field, writing nothing", async () => {
    const before = await counts();
    for (const receivedFen of [0.5, -1, 0]) {
      const res = await t.as(staff, {
        method: "POST",
        url: "/api/funding-sources",
        payload: { name: "坏数据", kind: "company", receivedFen, receivedOn: today },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe("receivedFen");
    }
    expect(await counts()).toEqual(before);
  });

  it("splits one line by share across a project and an activity, never allocating more than was received", async () => {
    const s = await source(100_000_00);
    const split = await allocate({
      sourceId: s.id,
      amountFen: 1_000_01,
      allocatedOn: today,
      targets: [
        { projectId, shareBp: 6000 },
        { activity: "夜市开市季", shareBp: 4000 },
      ],
    });
    expect(split.statusCode, split.body).toBe(201);
    const parts = split.json() as { amountFen: number; projectId: number | null; activity: string | null; splitKey: string }[];
    expect(parts.map((p) => p.amountFen)).toEqual([600_01, 400_00]);
    expect(new Set(parts.map((p) => p.splitKey)).size).toBe(1);

    const before = await counts();
    const shares = await allocate({ sourceId: s.id, amountFen: 100, allocatedOn: today, targets: [{ activity: "x", shareBp: 5000 }] });
    expect(shares.json().error.fields[0].field).toBe("targets");
    const over = await allocate({
      sourceId: s.id,
      amountFen: 99_000_00,
      allocatedOn: today,
      targets: [{ activity: "舞台", shareBp: 10_000 }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ id: "economy.source_exhausted", fields: [{ field: "amountFen" }] });
    expect(over.json().error.message).toContain("98999.99");
    const foreign = await t.database.db
      .selectFrom("projects")
      .select("id")
      .where("station_id", "<>", stationId)
      .orderBy("id")
      .executeTakeFirst();
    if (foreign) {
      const other = await allocate({
        sourceId: s.id,
        amountFen: 100,
        allocatedOn: today,
        targets: [{ projectId: foreign.id, shareBp: 10_000 }],
      });
      expect(other.json().error).toMatchObject({ id: "economy.bad_project", fields: [{ field: "targets.0.projectId" }] });
    }
    expect(await counts()).toEqual(before);

    const sources = (await t.as(staff, { method: "GET", url: "/api/funding-sources" })).json();
    expect(sources.find((x: { id: number }) => x.id === s.id)).toMatchObject({
      allocatedFen: 1_000_01,
      unallocatedFen: 100_000_00 - 1_000_01,
    });
    const funding = (await t.as(staff, { method: "GET", url: `/api/projects/${projectId}/funding` })).json();
    expect(funding.allocatedFen).toBeGreaterThanOrEqual(600_01);
  });

  it("never lets 20 simultaneous expenditures take a nearly spent allocation below zero", async () => {
    const s = await source(10_000);
    const [a] = (
      await allocate({ sourceId: s.id, amountFen: 10_000, allocatedOn: today, targets: [{ activity: "百姓大舞台", shareBp: 10_000 }] })
    ).json();
    expect((await spend(a.id, 9_500)).statusCode).toBe(201);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => spend(a.id, 100, `商户${i}`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBe(5);
    expect(codes.filter((c) => c === 409).length).toBe(15);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.id).toBe("economy.allocation_exhausted");
    const row = await t.database.db
      .selectFrom("funding_allocations")
      .select(["amount_fen", "spent_fen"])
      .where("id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(row.spent_fen).toBe(10_000);
    const spent = await t.database.db
      .selectFrom("funding_expenditures")
      .select((eb) => eb.fn.sum<number>("amount_fen").as("s"))
      .where("allocation_id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(Number(spent.s)).toBe(10_000);
  });

  it("approves or rejects an expenditure once; a rejection gives its amount back; the public page shows approved spending", async () => {
    const s = await source(50_000, "测试宾馆");
    const [a] = (
      await allocate({ sourceId: s.id, amountFen: 50_000, allocatedOn: today, targets: [{ activity: "测试舞台建设", shareBp: 10_000 }] })
    ).json();
    const e1 = (await spend(a.id, 30_000, "舞台搭建公司")).json();
    const e2 = (await spend(a.id, 20_000, "音响租赁")).json();
    const before = await counts();
    expect((await spend(a.id, 1)).json().error.id).toBe("economy.allocation_exhausted");
    expect(await counts()).toEqual(before);
    const ok = await t.as(staff, { method: "POST", url: `/api/funding-expenditures/${e1.id}/decision`, payload: { decision: "approve" } });
    expect(ok.json().status).toBe("approved");
    const twice = await t.as(staff, {
      method: "POST",
      url: `/api/funding-expenditures/${e1.id}/decision`,
      payload: { decision: "reject" },
    });
    expect(twice.json().error.id).toBe("economy.expenditure_decided");
    await t.as(staff, {
      method: "POST",
      url: `/api/funding-expenditures/${e2.id}/decision`,
      payload: { decision: "reject", note: "票据不全" },
    });
    const after = (await t.as(staff, { method: "GET", url: "/api/funding-allocations" })).json().find((x: { id: number }) => x.id === a.id);
    expect(after).toMatchObject({ spentFen: 30_000, balanceFen: 20_000 });

    const page = await t.app.inject({ method: "GET", url: `/api/public/funding?stationId=${stationId}` });
    expect(page.statusCode).toBe(200);
    const hotel = page.json().sources.find((x: { name: string }) => x.name === "测试宾馆");
    expect(hotel).toMatchObject({ receivedFen: 50_000, allocatedFen: 50_000, spentFen: 30_000 });
    expect(page.json().uses.find((u: { target: string }) => u.target === "测试舞台建设")).toMatchObject({ spentFen: 30_000 });
  });

  it("exports the expenditures for audit", async () => {
    const res = await t.as(staff, { method: "GET", url: "/api/funding-expenditures/export" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const relief = await t.as(staff, { method: "GET", url: "/api/relief-applications/export" });
    expect(relief.statusCode).toBe(200);
  });

  it("keeps another station's staff off this station's ledger", async () => {
    const youyi = await t.login("youyi");
    const s = await source(1_000);
    const res = await t.as(youyi, {
      method: "POST",
      url: "/api/funding-allocations",
      payload: { sourceId: s.id, amountFen: 100, allocatedOn: today, targets: [{ activity: "x", shareBp: 10_000 }] },
    });
    expect(res.json().error).toMatchObject({ id: "economy.bad_source", fields: [{ field: "sourceId" }] });
    const list = (await t.as(youyi, { method: "GET", url: "/api/funding-sources" })).json();
    expect(list.find((x: { id: number }) => x.id === s.id)).toBeUndefined();
  });
});
