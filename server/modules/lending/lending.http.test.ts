import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/audit.ts";
import { Notifier } from "../../platform/notify.ts";
import type { SessionUser } from "../../platform/scope.ts";
import { createTestApp, dialectName, type Session, type TestApp } from "../../test/helpers.ts";
import { LendingService } from "./lending.service.ts";

type Item = { id: number; code: string; kind: string; status: string; version: number; loan: { borrowerName: string } | null };
type Loan = { id: number; itemCode: string; status: string; dueAt: string; lentAt: string; overdue: boolean; borrowerName: string };

describe(`lendable items and loans over HTTP (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let jumin: Session;
  let youyi: Session;
  let district: Session;
  let stationId: number;
  let residents: { id: number; name: string }[];
  let juminResident: number;
  let newUmbrellas: Item[];

  const count = async (table: "loans" | "audit_log" | "lend_items" | "notifications") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (s: Session, url: string, payload: object) => t.as(s, { method: "POST", url, payload });
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });
  const item = async (code: string) =>
    t.database.db.selectFrom("lend_items").selectAll().where("code", "=", code).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp();
    [staff, jumin, youyi, district] = await Promise.all(["staff", "jumin", "youyi", "district"].map((u) => t.login(u)));
    const db = t.database.db;
    stationId = (await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow()).id;
    residents = await db
      .selectFrom("residents")
      .select(["id", "name"])
      .where("station_id", "=", stationId)
      .orderBy("id")
      .limit(10)
      .execute();
    juminResident =
      (await db.selectFrom("users").select("resident_id").where("username", "=", "jumin").executeTakeFirstOrThrow()).resident_id ?? 0;
  });
  afterAll(() => t.close());

  it("the demo: 40 umbrellas, 12 bikes, 2 fair scales with a year of loans; jumin has one open loan", async () => {
    const summary = (await get(staff, "/api/lending/summary")).json();
    const of = (kind: string) => summary.kinds.find((k: { kind: string }) => k.kind === kind);
    const total = (k: Record<string, number>) => k.available + k.lent + k.lost + k.damaged + k.retired;
    expect(total(of("umbrella"))).toBe(40);
    expect(total(of("bike"))).toBe(12);
    expect(total(of("scale"))).toBe(2);
    expect(of("umbrella").lost).toBe(1);
    expect(of("bike").damaged).toBe(1);
    expect(summary.overdue).toBe(3);
    // The counts agree with the records.
    const out = await t.database.db
      .selectFrom("loans")
      .select("item_id")
      .where("status", "=", "out")
      .where("station_id", "=", stationId)
      .execute();
    expect(out.length).toBe(of("umbrella").lent + of("bike").lent);
    expect((await count("loans")) > 500).toBe(true);

    const mine = (await get(jumin, "/api/me/loans")).json();
    const open = mine.loans.filter((l: Loan) => l.status === "out");
    expect(open).toHaveLength(1);
    expect(open[0].overdue).toBe(false);
    expect(mine.available).toEqual({ umbrella: of("umbrella").available, bike: of("bike").available });
  });

  it("lists the inventory by kind, status and code, with each lent item's borrower", async () => {
    const umbrellas = (await get(staff, "/api/lending/items?kind=umbrella&pageSize=100")).json();
    expect(umbrellas.total).toBe(40);
    expect(umbrellas.items[0].code).toBe("TY-SAN-0001");
    const lent = (await get(staff, "/api/lending/items?status=lent&pageSize=100")).json();
    expect(lent.items.length).toBeGreaterThan(0);
    expect(lent.items.every((i: Item) => i.status === "lent" && i.loan?.borrowerName)).toBe(true);
    const found = (await get(staff, "/api/lending/items?q=che-0012")).json();
    expect(found.items.map((i: Item) => i.code)).toEqual(["TY-CHE-0012"]);
    const looked = await get(staff, "/api/lending/lookup?code=%20ty-san-0003%20");
    expect(looked.statusCode).toBe(200);
    expect(looked.json().code).toBe("TY-SAN-0003");
    const unknown = await get(staff, "/api/lending/lookup?code=TY-SAN-9999");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ id: "lend.unknown_code", fields: [{ field: "code" }] });
  });

  it("adds a batch with the station's next codes, one by one, and refuses a nameless 'other'", async () => {
    const batch = await post(staff, "/api/lending/items", { kind: "umbrella", count: 3 });
    expect(batch.statusCode).toBe(201);
    newUmbrellas = batch.json();
    expect(newUmbrellas.map((i) => i.code)).toEqual(["TY-SAN-0041", "TY-SAN-0042", "TY-SAN-0043"]);
    expect(newUmbrellas.every((i) => i.status === "available")).toBe(true);
    const bike = await post(staff, "/api/lending/items", { kind: "bike", loanDays: 2 });
    expect(bike.json()[0]).toMatchObject({ code: "TY-CHE-0013", name: "小黄车", loanDays: 2 });
    const before = await count("lend_items");
    const nameless = await post(staff, "/api/lending/items", { kind: "other", count: 2 });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error).toMatchObject({ id: "lend.name_required", fields: [{ field: "name" }] });
    const tooMany = await post(staff, "/api/lending/items", { kind: "umbrella", count: 0 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].field).toBe("count");
    expect(await count("lend_items")).toBe(before);
    const other = await post(staff, "/api/lending/items", { kind: "other", name: "轮椅", loanDays: 7 });
    expect(other.json()[0]).toMatchObject({ code: "TY-QT-0001", name: "轮椅" });
    // Another station numbers its own codes with its own prefix, after the umbrellas it already has.
    const yyHas = (await get(youyi, "/api/lending/items?kind=umbrella&pageSize=100")).json().items as Item[];
    expect(yyHas.length).toBeGreaterThan(0);
    expect(yyHas.every((i) => i.code.startsWith("YY-SAN-"))).toBe(true);
    const next = (n: number) => `YY-SAN-${String(yyHas.length + n).padStart(4, "0")}`;
    const yy = await post(youyi, "/api/lending/items", { kind: "umbrella", count: 2 });
    expect(yy.json().map((i: Item) => i.code)).toEqual([next(1), next(2)]);
    // Read-only accounts and residents cannot add.
    expect((await post(district, "/api/lending/items", { kind: "umbrella" })).statusCode).toBe(403);
    expect((await post(jumin, "/api/lending/items", { kind: "umbrella" })).statusCode).toBe(403);
  });

  it("prints the labels: a real PDF with a page per 24 labels", async () => {
    const all = await get(staff, "/api/lending/labels.pdf?kind=umbrella");
    expect(all.statusCode).toBe(200);
    expect(all.headers["content-type"]).toContain("application/pdf");
    const bytes = all.rawPayload;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // 43 umbrellas: 42 on the shelf or out plus the lost one (labels exclude only retired items) → 2 pages.
    const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages(bytes)).toBe(2);
    const three = await get(staff, `/api/lending/labels.pdf?ids=${newUmbrellas.map((i) => i.id).join(",")}`);
    expect(pages(three.rawPayload)).toBe(1);
    expect((await get(staff, "/api/lending/labels.pdf")).statusCode).toBe(400);
    // Another station's items do not print for youyi.
    expect((await get(youyi, `/api/lending/labels.pdf?ids=${newUmbrellas[0].id}`)).statusCode).toBe(404);
  });

  it("lends by the scanned code, never twice at once, and returns by scanning again", async () => {
    const code = newUmbrellas[0].code;
    const lent = await post(staff, "/api/lending/loans", {
      code: code.toLowerCase(),
      borrowerKind: "resident",
      borrowerId: residents[0].id,
    });
    expect(lent.statusCode).toBe(201);
    const loan = lent.json() as Loan;
    expect(loan).toMatchObject({ itemCode: code, status: "out", borrowerName: residents[0].name, overdue: false });
    expect(Date.parse(loan.dueAt) - Date.parse(loan.lentAt)).toBe(3 * 86_400_000);
    expect((await item(code)).status).toBe("lent");

    const again = await post(staff, "/api/lending/loans", { code, borrowerKind: "resident", borrowerId: residents[1].id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ id: "lend.not_available", fields: [{ field: "code" }] });

    const detail = (await get(staff, `/api/lending/items/${newUmbrellas[0].id}`)).json();
    expect(detail.loan.borrowerName).toBe(residents[0].name);

    const back = await post(staff, "/api/lending/returns", { code });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: "returned", itemCode: code });
    expect((await item(code)).status).toBe("available");

    // Returning an item that is not lent: refused with the rule, nothing written.
    const [loans, audit] = [await count("loans"), await count("audit_log")];
    const before = await item(code);
    const notLent = await post(staff, "/api/lending/returns", { code });
    expect(notLent.statusCode).toBe(409);
    expect(notLent.json().error).toMatchObject({ id: "lend.not_lent", fields: [{ field: "code" }] });
    expect(await count("loans")).toBe(loans);
    expect(await count("audit_log")).toBe(audit);
    expect(await item(code)).toEqual(before);
  });

  it("refuses a borrower of another station and a code of another station", async () => {
    const otherResident = await t.database.db
      .selectFrom("residents")
      .select("id")
      .where("station_id", "!=", stationId)
      .executeTakeFirstOrThrow();
    const wrong = await post(staff, "/api/lending/loans", {
      code: newUmbrellas[1].code,
      borrowerKind: "resident",
      borrowerId: otherResident.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ id: "lend.bad_borrower", fields: [{ field: "borrowerId" }] });
    const foreign = await post(youyi, "/api/lending/loans", {
      code: newUmbrellas[1].code,
      borrowerKind: "resident",
      borrowerId: otherResident.id,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.id).toBe("lend.unknown_code");
    expect((await get(youyi, `/api/lending/items/${newUmbrellas[1].id}`)).statusCode).toBe(404);
    expect((await item(newUmbrellas[1].code)).status).toBe("available");
  });

  it("closes a loan lost or damaged; a damaged item is repaired or retired on the shelf", async () => {
    const [a, b] = [newUmbrellas[1], newUmbrellas[2]];
    const merchant = await t.database.db.selectFrom("merchants").select("id").where("station_id", "=", stationId).executeTakeFirstOrThrow();
    const l1 = (await post(staff, "/api/lending/loans", { code: a.code, borrowerKind: "merchant", borrowerId: merchant.id })).json();
    const l2 = (await post(staff, "/api/lending/loans", { code: b.code, borrowerKind: "resident", borrowerId: residents[2].id })).json();
    const lost = await post(staff, `/api/lending/loans/${l1.id}/close`, { outcome: "lost", note: "借用人称遗失" });
    expect(lost.json()).toMatchObject({ status: "lost" });
    expect((await item(a.code)).status).toBe("lost");
    const damaged = await post(staff, `/api/lending/loans/${l2.id}/close`, { outcome: "damaged" });
    expect(damaged.json()).toMatchObject({ status: "damaged" });
    expect((await item(b.code)).status).toBe("damaged");
    // A closed loan stays closed.
    expect((await post(staff, `/api/lending/loans/${l2.id}/close`, { outcome: "returned" })).json().error.id).toBe("lend.not_lent");
    // A damaged item cannot be lent until repaired.
    expect(
      (await post(staff, "/api/lending/loans", { code: b.code, borrowerKind: "resident", borrowerId: residents[2].id })).statusCode,
    ).toBe(409);
    const row = await item(b.code);
    const stale = await post(staff, `/api/lending/items/${row.id}/actions`, { action: "repair", version: row.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe("record.conflict");
    const repaired = await post(staff, `/api/lending/items/${row.id}/actions`, { action: "repair", version: row.version });
    expect(repaired.json()).toMatchObject({ status: "available" });
    const retired = await post(staff, `/api/lending/items/${row.id}/actions`, {
      action: "retire",
      version: repaired.json().version,
      note: "伞骨断裂",
    });
    expect(retired.json()).toMatchObject({ status: "retired", note: "伞骨断裂" });
    const lentItem = (await get(staff, "/api/lending/items?status=lent")).json().items[0] as Item;
    const refused = await post(staff, `/api/lending/items/${lentItem.id}/actions`, { action: "retire", version: lentItem.version });
    expect(refused.json().error.id).toBe("lend.item_transition");
    // The loans list shows them by view; the export is a workbook.
    const closed = (await get(staff, "/api/lending/loans?view=lost&pageSize=50")).json();
    expect(closed.items.some((l: Loan) => l.itemCode === a.code)).toBe(true);
    const overdue = (await get(staff, "/api/lending/loans?view=overdue")).json();
    expect(overdue.total).toBe(3);
    expect(overdue.items.every((l: Loan) => l.overdue)).toBe(true);
    const xlsx = await get(staff, "/api/lending/loans/export?view=overdue");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("edits an item with its version", async () => {
    const row = await item(newUmbrellas[0].code);
    const ok = await t.as(staff, { method: "PATCH", url: `/api/lending/items/${row.id}`, payload: { loanDays: 5, version: row.version } });
    expect(ok.json()).toMatchObject({ loanDays: 5 });
    const stale = await t.as(staff, {
      method: "PATCH",
      url: `/api/lending/items/${row.id}`,
      payload: { loanDays: 4, version: row.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("reminds an overdue borrower once, and lists the overdue loans to the staff", async () => {
    const code = newUmbrellas[0].code;
    const lent = await post(staff, "/api/lending/loans", { code, borrowerKind: "resident", borrowerId: juminResident });
    expect(lent.statusCode).toBe(201);
    const loanId = lent.json().id;
    await t.database.db
      .updateTable("loans")
      .set({ due_at: new Date(t.clock.now().getTime() - 3_600_000).toISOString() })
      .where("id", "=", loanId)
      .execute();
    const juminUser = await t.database.db.selectFrom("users").select("id").where("username", "=", "jumin").executeTakeFirstOrThrow();
    const notes = async () =>
      (
        await t.database.db
          .selectFrom("notifications")
          .select("kind")
          .where("user_id", "=", juminUser.id)
          .where("kind", "=", "loan.overdue")
          .execute()
      ).length;
    const before = await notes();
    const first = (await post(staff, "/api/lending/overdue/remind", {})).json();
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await notes()).toBe(before + 1);
    const loan = await t.database.db.selectFrom("loans").select("reminded_at").where("id", "=", loanId).executeTakeFirstOrThrow();
    expect(loan.reminded_at).not.toBeNull();
    const staffUser = await t.database.db.selectFrom("users").select("id").where("username", "=", "staff").executeTakeFirstOrThrow();
    const list = await t.database.db
      .selectFrom("notifications")
      .select("body")
      .where("user_id", "=", staffUser.id)
      .where("kind", "=", "loan.overdue_list")
      .execute();
    expect(list.some((n) => n.body.includes(code))).toBe(true);
    // The job again: nothing new to remind.
    const second = await t.app.jobs.find((j) => j.name === "lending.overdue_reminders")?.run(t.clock.now());
    expect(second).toMatchObject({ reminded: 0 });
    expect(await notes()).toBe(before + 1);
    const mine = (await get(jumin, "/api/me/loans")).json();
    expect(mine.loans.filter((l: Loan) => l.status === "out" && l.overdue).map((l: Loan) => l.itemCode)).toEqual([code]);
  });

  it("scopes: residents see only their own loans; the district reads; the other station sees none of this", async () => {
    expect((await get(jumin, "/api/lending/items")).statusCode).toBe(403);
    expect((await get(jumin, "/api/lending/loans")).statusCode).toBe(403);
    expect((await get(district, "/api/lending/items")).json().total).toBeGreaterThan(50);
    expect((await get(district, "/api/lending/borrowers")).statusCode).toBe(403);
    const yy = (await get(youyi, "/api/lending/items?pageSize=100")).json();
    expect(yy.items.every((i: Item) => i.code.startsWith("YY-"))).toBe(true);
    // 友谊's own loans (its demo umbrellas), none of Tianyuan's.
    const yyLoans = (await get(youyi, "/api/lending/loans?pageSize=100")).json();
    expect(yyLoans.total).toBeGreaterThan(0);
    expect(
      yyLoans.items.every(
        (l: { itemCode: string; stationId: number }) => l.itemCode.startsWith("YY-") && l.stationId === yy.items[0].stationId,
      ),
    ).toBe(true);
    const borrowers = (await get(staff, `/api/lending/borrowers?q=${encodeURIComponent(residents[0].name)}`)).json();
    expect(borrowers.some((b: { kind: string; id: number }) => b.kind === "resident" && b.id === residents[0].id)).toBe(true);
    expect(JSON.stringify(borrowers)).not.toMatch(/1[3-9]\d{9}/);
  });

  it("refuses a loan filter date that is not on the calendar, naming the field, instead of failing", async () => {
    for (const url of [
      "/api/lending/loans?from=2026-13-01",
      "/api/lending/loans?to=2026-02-30",
      "/api/lending/loans/export?from=2026-00-10",
    ]) {
      const res = await get(staff, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.fields[0].field).toMatch(/(from|to)$/);
    }
  });

  it("closing a loan that was returned meanwhile never closes the item's next loan", async () => {
    const [umbrella] = (await post(staff, "/api/lending/items", { kind: "umbrella" })).json() as Item[];
    const first = (
      await post(staff, "/api/lending/loans", { code: umbrella.code, borrowerKind: "resident", borrowerId: residents[2].id })
    ).json() as Loan;
    // The console still shows the first loan as out when staff mark it lost; meanwhile it was returned and lent again.
    const service = new LendingService(t.database.db, t.vault, new Notifier({ send() {} }, { info() {}, warn() {} }, t.clock), t.clock);
    const stale = await service.repo.findLoan(first.id);
    expect((await post(staff, "/api/lending/returns", { code: umbrella.code })).statusCode).toBe(200);
    const second = (
      await post(staff, "/api/lending/loans", { code: umbrella.code, borrowerKind: "resident", borrowerId: residents[3].id })
    ).json() as Loan;
    const findLoan = service.repo.findLoan.bind(service.repo);
    let calls = 0;
    service.repo.findLoan = (id, db) => (calls++ === 0 && id === first.id ? Promise.resolve(stale) : findLoan(id, db));
    const staffUser = { id: 1, username: "staff", displayName: "staff", role: "station_staff", stationIds: [stationId] } as SessionUser;
    await expect(service.closeLoanById(staffUser, first.id, { outcome: "lost", note: null }, systemActor)).rejects.toMatchObject({
      id: "lend.not_lent",
    });
    const loans = await t.database.db.selectFrom("loans").select(["id", "status"]).where("id", "in", [first.id, second.id]).execute();
    expect(Object.fromEntries(loans.map((l) => [l.id, l.status]))).toEqual({ [first.id]: "returned", [second.id]: "out" });
    expect((await item(umbrella.code)).status).toBe("lent");
  });

  it("refuses an id beyond any record's range with 400 naming the field, instead of failing", async () => {
    const huge = 99_999_999_999;
    const lent = await post(staff, "/api/lending/loans", { code: "TY-SAN-0001", borrowerKind: "resident", borrowerId: huge });
    expect(lent.statusCode).toBe(400);
    expect(lent.json().error.fields[0].field).toBe("borrowerId");
    expect((await get(staff, `/api/lending/items/${huge}`)).statusCode).toBe(400);
    expect((await get(staff, `/api/lending/labels.pdf?ids=1,${huge}`)).statusCode).toBe(400);
    const stall = await post(jumin, "/api/fair-scale/reweighs", {
      stallId: huge,
      goods: "苹果",
      claimedGrams: 500,
      actualGrams: 480,
      unitPriceFen: 600,
    });
    expect(stall.statusCode).toBe(400);
    expect(stall.json().error.fields[0].field).toBe("stallId");
  });
});
