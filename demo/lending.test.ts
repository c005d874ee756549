// The demo's lendable items: umbrellas, bikes and fair scales with a year of loans. No other suite depends on
// these counts: the lending suites make the items and loans they assert on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, dialectName, type Session, type TestApp } from "../server/test/helpers.ts";

type Item = { id: number; code: string; kind: string; status: string };
type Loan = { id: number; itemCode: string; status: string; dueAt: string; lentAt: string; overdue: boolean; borrowerName: string };

describe(`the Tianyuan demo's lendable items (${dialectName})`, () => {
  let t: TestApp;
  let staff: Session;
  let jumin: Session;
  let youyi: Session;

  const count = async (table: "loans") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = (s: Session, url: string) => t.as(s, { method: "GET", url });

  beforeAll(async () => {
    t = await createTestApp();
    [staff, jumin, youyi] = await Promise.all(["staff", "jumin", "youyi"].map((u) => t.login(u)));
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
    const tianyuan = await t.database.db
      .selectFrom("org_units")
      .select("id")
      .where("name", "=", "天源市场党群服务站")
      .executeTakeFirstOrThrow();
    const out = await t.database.db
      .selectFrom("loans")
      .select("item_id")
      .where("status", "=", "out")
      .where("station_id", "=", tianyuan.id)
      .execute();
    expect(out.length).toBe(of("umbrella").lent + of("bike").lent);
    expect((await count("loans")) > 500).toBe(true);

    const mine = (await get(jumin, "/api/me/loans")).json();
    const open = mine.loans.filter((l: Loan) => l.status === "out");
    expect(open).toHaveLength(1);
    expect(open[0].overdue).toBe(false);
    expect(mine.available).toEqual({ umbrella: of("umbrella").available, bike: of("bike").available });
  });

  it("numbers Tianyuan's umbrellas from TY-SAN-0001, 3 loans overdue, more than 50 items in the district, Youyi's own YY- items and loans", async () => {
    const umbrellas = (await get(staff, "/api/lending/items?kind=umbrella&pageSize=100")).json();
    expect(umbrellas.total).toBe(40);
    expect(umbrellas.items[0].code).toBe("TY-SAN-0001");
    expect((await get(staff, "/api/lending/loans?view=overdue")).json().total).toBe(3);
    const district = await t.login("district");
    expect((await get(district, "/api/lending/items")).json().total).toBeGreaterThan(50);
    const yy = (await get(youyi, "/api/lending/items?pageSize=100")).json();
    expect(yy.items.every((i: Item) => i.code.startsWith("YY-"))).toBe(true);
    expect(yy.items.some((i: Item) => i.code.startsWith("YY-SAN-"))).toBe(true);
    const yyLoans = (await get(youyi, "/api/lending/loans?pageSize=100")).json();
    expect(yyLoans.total).toBeGreaterThan(0);
    expect(yyLoans.items.every((l: { itemCode: string }) => l.itemCode.startsWith("YY-"))).toBe(true);
  });
});
