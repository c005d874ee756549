import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shiftMonth, stationDate, stationMonth } from "../../../contracts/calendar.ts";
import { createTestApp, dialectName, fieldsNamed, type Session, type TestApp } from "../../test/helpers.ts";

type Table = "economy_policies" | "relief_applications" | "merchant_operating_months" | "audit_log" | "notifications";

describe(`policies, relief and survival over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let merchant: Session;
  let district: Session;
  let stationId: number;
  let merchantId: number;
  let merchantUserId: number;
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
    policies: await count("economy_policies"),
    reliefs: await count("relief_applications"),
    months: await count("merchant_operating_months"),
    audit: await count("audit_log"),
  });

  const guide = () => ({
    beneficiaries: "受疫情影响的市场商户",
    conditions: "在营、有摊位",
    amounts: "每户最高 5000 元",
    whereToApply: "天源市场党群服务站",
    contact: "王丽娟",
  });

  const policy = async (over: Record<string, unknown> = {}) => {
    const res = await t.as(staff, {
      method: "POST",
      url: "/api/policies",
      payload: {
        kind: "rent_relief",
        title: `房租减免${Math.random()}`,
        ...guide(),
        opensOn: addDays(today, -1),
        deadline: addDays(today, 30),
        capFen: 500_000,
        eligibility: { statuses: ["open"], requiresStall: true },
        ...over,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    const opened = await t.as(staff, {
      method: "POST",
      url: `/api/policies/${p.id}/status`,
      payload: { action: "open", version: p.version },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json() as { id: number; version: number; status: string };
  };

  const step = (id: number, payload: Record<string, unknown>) =>
    t.as(staff, { method: "POST", url: `/api/relief-applications/${id}/steps`, payload });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login("staff");
    merchant = await t.login("shanghu");
    district = await t.login("district");
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    const user = await db.selectFrom("users").select(["id", "merchant_id"]).where("username", "=", "shanghu").executeTakeFirstOrThrow();
    merchantId = user.merchant_id as number;
    merchantUserId = user.id;
    today = stationDate(t.clock.now());
  });
  afterAll(() => t.close());

  it("refuses a policy with amounts that are not whole fen, negative, or dates out of order, writing nothing", async () => {
    const before = await counts();
    for (const [capFen, field] of [
      [1.5, "capFen"],
      [-100, "capFen"],
      [3_000_000_000, "capFen"],
    ] as const) {
      const res = await t.as(staff, {
        method: "POST",
        url: "/api/policies",
        payload: { kind: "rent_relief", title: "坏数据", ...guide(), opensOn: today, deadline: today, capFen, eligibility: {} },
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsNamed(res)).toContain(field);
    }
    const order = await t.as(staff, {
      method: "POST",
      url: "/api/policies",
      payload: {
        kind: "rent_relief",
        title: "坏数据",
        ...guide(),
        opensOn: today,
        deadline: addDays(today, -1),
        capFen: 100,
        eligibility: {},
      },
    });
    expect(order.json().error.fields[0].field).toBe("deadline");
    expect(await counts()).toEqual(before);
  });

  it("tells the eligible merchants when a policy opens, and once only", async () => {
    const before = await t.database.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", merchantUserId)
      .where("kind", "=", "economy.policy_opened")
      .execute();
    const p = await policy();
    const told = await t.database.db
      .selectFrom("notifications")
      .select(["id", "body"])
      .where("user_id", "=", merchantUserId)
      .where("kind", "=", "economy.policy_opened")
      .execute();
    expect(told.length).toBe(before.length + 1);
    const job = t.app.jobs.find((j) => j.name === "economy.policy_notices");
    await job?.run(t.clock.now());
    const again = await t.database.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", merchantUserId)
      .where("kind", "=", "economy.policy_opened")
      .execute();
    expect(again.length).toBe(told.length);
    const row = await t.database.db
      .selectFrom("economy_policies")
      .select("opened_notified_at")
      .where("id", "=", p.id)
      .executeTakeFirstOrThrow();
    expect(row.opened_notified_at).not.toBeNull();
  });

  it("reminds eligible merchants who have not applied a week before the deadline", async () => {
    const p = await policy({ deadline: addDays(today, 5) });
    const reminders = () =>
      t.database.db
        .selectFrom("notifications")
        .select("id")
        .where("user_id", "=", merchantUserId)
        .where("kind", "=", "economy.policy_deadline")
        .execute();
    const before = (await reminders()).length;
    await t.app.jobs.find((j) => j.name === "economy.policy_notices")?.run(t.clock.now());
    expect((await reminders()).length).toBe(before + 1);
    const row = await t.database.db.selectFrom("economy_policies").select("reminded_at").where("id", "=", p.id).executeTakeFirstOrThrow();
    expect(row.reminded_at).not.toBeNull();
  });

  it("takes a merchant's application on the phone through review, approval, disbursement and closing, and coverage follows", async () => {
    const p = await policy();
    const mine = await t.as(merchant, { method: "GET", url: "/api/me/relief" });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().policies.find((x: { id: number }) => x.id === p.id)).toMatchObject({ eligible: true, unmet: [] });

    const coverageBefore = (await t.as(staff, { method: "GET", url: `/api/policies/${p.id}/coverage` })).json();
    expect(coverageBefore.reached).toBe(0);
    expect(coverageBefore.notReached.map((m: { merchantId: number }) => m.merchantId)).toContain(merchantId);

    // Above the cap, and in fractions of a fen: refused by field, nothing written.
    const before = await counts();
    const above = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: p.id, requestedFen: 500_001 },
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().error).toMatchObject({ id: "economy.above_cap", fields: [{ field: "requestedFen" }] });
    const fraction = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: p.id, requestedFen: 10.5 },
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.fields[0].field).toBe("requestedFen");
    expect(await counts()).toEqual(before);

    const applied = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: p.id, requestedFen: 300_000, reason: "疫情期间停业两个月" },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const app = applied.json();
    expect(app).toMatchObject({ status: "applied", channel: "phone", merchantId, requestedFen: 300_000 });
    const again = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: p.id, requestedFen: 100 },
    });
    expect(again.json().error.id).toBe("economy.already_applied");

    // Approval without the review: refused, nothing written.
    const mid = await counts();
    const early = await step(app.id, { action: "approve", approvedFen: 300_000, version: app.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.id).toBe("economy.relief_transition");
    expect(await counts()).toEqual(mid);

    const reviewed = await step(app.id, { action: "review", note: "材料齐全", version: app.version });
    expect(reviewed.json()).toMatchObject({ status: "reviewed", reviewNote: "材料齐全" });
    const overCap = await step(app.id, { action: "approve", approvedFen: 600_000, version: reviewed.json().version });
    expect(overCap.json().error).toMatchObject({ id: "economy.above_cap", fields: [{ field: "approvedFen" }] });
    const approved = await step(app.id, { action: "approve", approvedFen: 250_000, version: reviewed.json().version });
    expect(approved.json()).toMatchObject({ status: "approved", approvedFen: 250_000 });

    const disburse = { action: "disburse", disbursedOn: today, payer: "天源物业", version: approved.json().version };
    const beforeDisburse = await counts();
    const tooMuch = await step(app.id, { ...disburse, disbursedFen: 250_001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error).toMatchObject({ id: "economy.above_approved", fields: [{ field: "disbursedFen" }] });
    const negative = await step(app.id, { ...disburse, disbursedFen: -1 });
    expect(negative.json().error.fields[0].field).toBe("disbursedFen");
    const loanOnRent = await step(app.id, {
      ...disburse,
      disbursedFen: 250_000,
      loan: { principalFen: 250_000, rateBp: 435, subsidyFen: 1000, termMonths: 12 },
    });
    expect(loanOnRent.json().error.id).toBe("economy.not_a_loan");
    expect(await counts()).toEqual(beforeDisburse);
    const paid = await step(app.id, { ...disburse, disbursedFen: 250_000 });
    expect(paid.json()).toMatchObject({ status: "disbursed", disbursedFen: 250_000, payer: "天源物业", disbursedOn: today });

    const coverage = (await t.as(staff, { method: "GET", url: `/api/policies/${p.id}/coverage` })).json();
    expect(coverage).toMatchObject({ reached: 1, disbursedFen: 250_000, approvedFen: 250_000, inProgress: 0 });
    expect(coverage.notReached.map((m: { merchantId: number }) => m.merchantId)).not.toContain(merchantId);
    expect(coverage.notReached.length).toBe(coverage.eligible - 1);

    const closed = await step(app.id, { action: "close", version: paid.json().version });
    expect(closed.json().status).toBe("closed");
    // Every step audited.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "relief")
      .where("object_id", "=", String(app.id))
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["relief.applied", "relief.review", "relief.approve", "relief.disburse", "relief.close"]);
    // The merchant heard about each step.
    const steps = await t.database.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", merchantUserId)
      .where("kind", "=", "economy.relief_step")
      .execute();
    expect(steps.length).toBeGreaterThanOrEqual(4);
  });

  it("records a loan's principal, rate, subsidy and term, and refuses a loan without them", async () => {
    const p = await policy({ kind: "loan_subsidy", capFen: 10_000_000, eligibility: {} });
    const other = await t.database.db
      .selectFrom("merchants")
      .select("id")
      .where("station_id", "=", stationId)
      .where("id", "<>", merchantId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const applied = await t.as(staff, {
      method: "POST",
      url: "/api/relief-applications",
      payload: { policyId: p.id, merchantId: other.id, requestedFen: 5_000_000 },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().channel).toBe("staff");
    let v = applied.json().version;
    v = (await step(applied.json().id, { action: "review", version: v })).json().version;
    v = (await step(applied.json().id, { action: "approve", approvedFen: 5_000_000, version: v })).json().version;
    const bare = await step(applied.json().id, {
      action: "disburse",
      disbursedFen: 5_000_000,
      disbursedOn: today,
      payer: "农商银行",
      version: v,
    });
    expect(bare.json().error).toMatchObject({ id: "economy.loan_required", fields: [{ field: "loan" }] });
    const loan = { principalFen: 5_000_000, rateBp: 435, subsidyFen: 217_500, termMonths: 12 };
    const paid = await step(applied.json().id, {
      action: "disburse",
      disbursedFen: 5_000_000,
      disbursedOn: today,
      payer: "农商银行",
      loan,
      version: v,
    });
    expect(paid.json()).toMatchObject({ status: "disbursed", loan });
    const coverage = (await t.as(staff, { method: "GET", url: `/api/policies/${p.id}/coverage` })).json();
    expect(coverage).toMatchObject({ reached: 1, disbursedFen: 5_000_000, subsidyFen: 217_500 });
  });

  it("refuses merchants the conditions leave out, and policies outside their dates", async () => {
    const pharmacy = await policy({ eligibility: { categories: ["pharmacy"] } });
    const m = await t.database.db.selectFrom("merchants").select("category").where("id", "=", merchantId).executeTakeFirstOrThrow();
    expect(m.category).not.toBe("pharmacy");
    const res = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: pharmacy.id, requestedFen: 100 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe("economy.not_eligible");
    const later = await policy({ opensOn: addDays(today, 3), deadline: addDays(today, 30) });
    const early = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: later.id, requestedFen: 100 },
    });
    expect(early.json().error).toMatchObject({ id: "economy.policy_not_open", fields: [{ field: "policyId" }] });
  });

  it("lets a merchant withdraw an application before approval, and a new one follow", async () => {
    const p = await policy({ kind: "heating_relief" });
    const a = (
      await t.as(merchant, { method: "POST", url: "/api/me/relief-applications", payload: { policyId: p.id, requestedFen: 100_00 } })
    ).json();
    const w = await t.as(merchant, {
      method: "POST",
      url: `/api/me/relief-applications/${a.id}/withdraw`,
      payload: { version: a.version },
    });
    expect(w.json().status).toBe("withdrawn");
    const again = await t.as(merchant, {
      method: "POST",
      url: "/api/me/relief-applications",
      payload: { policyId: p.id, requestedFen: 100_00 },
    });
    expect(again.statusCode).toBe(201);
    const list = await t.as(staff, { method: "GET", url: `/api/relief-applications?policyId=${p.id}&order=asc` });
    expect(list.json().items.map((r: { status: string }) => r.status)).toEqual(["withdrawn", "applied"]);
    // The console's list is not the phone's.
    expect((await t.as(merchant, { method: "GET", url: `/api/relief-applications/${a.id}` })).statusCode).toBe(403);
  });

  it("computes the period's survival from the registry's history and the monthly confirmations, with the relief beside it", async () => {
    const month = stationMonth(t.clock.now());
    const from = shiftMonth(month, -11);
    const before = await t.as(staff, { method: "GET", url: `/api/economy/survival?from=${from}&to=${month}` });
    expect(before.statusCode, before.body).toBe(200);
    const s0 = before.json();
    expect(s0.merchants).toBeGreaterThan(0);
    expect(s0.closedByEpidemic).toBe(0);
    // Beside each merchant, the relief disbursed to them in the period (the demo's and this suite's).
    const paid = await t.database.db
      .selectFrom("relief_applications")
      .select((eb) => eb.fn.sum<number>("disbursed_fen").as("s"))
      .where("merchant_id", "=", merchantId)
      .where("status", "in", ["disbursed", "closed"])
      .executeTakeFirstOrThrow();
    const mine = s0.rows.find((r: { merchantId: number }) => r.merchantId === merchantId);
    expect(mine.reliefFen).toBe(Number(paid.s));
    expect(mine.reliefFen).toBeGreaterThanOrEqual(250_000);

    // A month ahead, and a closure without its cause: refused by field, nothing written.
    const mid = await counts();
    const ahead = await t.as(merchant, {
      method: "POST",
      url: "/api/me/operating-months",
      payload: { month: shiftMonth(month, 1), status: "open" },
    });
    expect(ahead.json().error).toMatchObject({ id: "economy.month_ahead", fields: [{ field: "month" }] });
    const noCause = await t.as(merchant, { method: "POST", url: "/api/me/operating-months", payload: { month, status: "closed" } });
    expect(noCause.json().error.fields[0].field).toBe("cause");
    expect(await counts()).toEqual(mid);

    const other = (
      await t.database.db
        .selectFrom("merchants")
        .select("id")
        .where("station_id", "=", stationId)
        .where("id", "<>", merchantId)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow()
    ).id;
    const closed = await t.as(staff, {
      method: "POST",
      url: "/api/economy/operating-months",
      payload: { merchantId: other, month, status: "closed", cause: "epidemic", reason: "疫情停业" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    // The phone's confirmation names no month: the current one.
    const open = await t.as(merchant, { method: "POST", url: "/api/me/operating-months", payload: { status: "open" } });
    expect(open.statusCode).toBe(200);
    expect(open.json().month).toBe(month);
    const s1 = (await t.as(staff, { method: "GET", url: `/api/economy/survival?from=${from}&to=${month}` })).json();
    expect(s1).toMatchObject({
      closed: s0.closed + 1,
      closedByEpidemic: 1,
      operating: s0.operating - 1,
      confirmedMonths: s0.confirmedMonths + 2,
    });
    // The same merchant confirmed open again replaces the month's record.
    await t.as(staff, { method: "POST", url: "/api/economy/operating-months", payload: { merchantId: other, month, status: "open" } });
    const s2 = (await t.as(staff, { method: "GET", url: `/api/economy/survival?from=${from}&to=${month}` })).json();
    expect(s2.closedByEpidemic).toBe(0);
    // A district reaching several stations names one.
    const all = await t.as(district, { method: "GET", url: `/api/economy/survival?from=${from}&to=${month}` });
    expect(all.statusCode).toBe(400);
    expect(all.json().error.fields[0].field).toBe("stationId");
    const one = await t.as(district, { method: "GET", url: `/api/economy/survival?from=${from}&to=${month}&stationId=${stationId}` });
    expect(one.statusCode).toBe(200);
  });

  it("keeps another station's staff out", async () => {
    const youyi = await t.login("youyi");
    const p = await policy();
    expect((await t.as(youyi, { method: "GET", url: `/api/policies/${p.id}` })).statusCode).toBe(404);
    expect((await t.as(youyi, { method: "GET", url: `/api/policies/${p.id}/coverage` })).statusCode).toBe(404);
    const res = await t.as(youyi, {
      method: "POST",
      url: "/api/relief-applications",
      payload: { policyId: p.id, merchantId, requestedFen: 100 },
    });
    expect(res.json().error.id).toBe("economy.no_merchant");
  });
});
