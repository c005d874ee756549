import { describe, expect, it } from "vitest";
import { type ItemStatus, itemStatuses } from "../../../contracts/lending.ts";
import {
  closeLoan,
  codeNumber,
  dueAt,
  type ItemEvent,
  initialOf,
  isOverdue,
  itemCode,
  needsReminder,
  nextItemStatus,
  normaliseCode,
  staffItemAction,
  stationPrefix,
} from "./loan.workflow.ts";

describe("item status", () => {
  const allowed: Record<string, ItemStatus> = {
    "available>lend": "lent",
    "lent>return": "available",
    "lent>lose": "lost",
    "lent>damage": "damaged",
    "available>damage": "damaged",
    "damaged>repair": "available",
    "lost>find": "available",
    "available>retire": "retired",
    "damaged>retire": "retired",
    "lost>retire": "retired",
  };
  const events: ItemEvent[] = ["lend", "return", "lose", "damage", "repair", "find", "retire"];
  for (const status of itemStatuses) {
    for (const event of events) {
      it(`${status} → ${event}`, () => {
        const r = nextItemStatus(status, event);
        const expected =
          allowed[`${status}>${event}`] ??
          (event === "lend" ? "lend.not_available" : event === "return" || event === "lose" ? "lend.not_lent" : "lend.item_transition");
        expect(r.ok ? r.status : r.refusal).toBe(expected);
      });
    }
  }

  it("never lends an item twice: a lent item refuses a second lend with the rule", () => {
    expect(nextItemStatus("lent", "lend")).toEqual({ ok: false, refusal: "lend.not_available" });
  });

  it("refuses to return an item that is not lent", () => {
    for (const s of ["available", "lost", "damaged", "retired"] as const) {
      expect(nextItemStatus(s, "return")).toEqual({ ok: false, refusal: "lend.not_lent" });
    }
  });

  it("lets staff change a lent item only through its loan", () => {
    for (const a of ["damage", "repair", "find", "retire"] as const) {
      expect(staffItemAction("lent", a)).toEqual({ ok: false, refusal: "lend.item_transition" });
    }
    expect(staffItemAction("available", "damage")).toEqual({ ok: true, status: "damaged" });
    expect(staffItemAction("damaged", "repair")).toEqual({ ok: true, status: "available" });
    expect(staffItemAction("retired", "repair")).toEqual({ ok: false, refusal: "lend.item_transition" });
  });
});

describe("loan", () => {
  it("closes an open loan as returned, lost or damaged, moving the item along", () => {
    expect(closeLoan("out", "returned")).toEqual({ ok: true, loan: "returned", itemEvent: "return" });
    expect(closeLoan("out", "lost")).toEqual({ ok: true, loan: "lost", itemEvent: "lose" });
    expect(closeLoan("out", "damaged")).toEqual({ ok: true, loan: "damaged", itemEvent: "damage" });
  });

  it("never changes a closed loan", () => {
    for (const s of ["returned", "lost", "damaged"] as const) {
      for (const o of ["returned", "lost", "damaged"] as const) expect(closeLoan(s, o)).toEqual({ ok: false, refusal: "lend.not_lent" });
    }
  });

  it("is due the item's loan days later, overdue after that, and reminded once", () => {
    const lent = new Date("2026-11-20T02:00:00Z");
    const due = dueAt(lent, 3);
    expect(due.toISOString()).toBe("2026-11-23T02:00:00.000Z");
    const loan = { status: "out", due_at: due.toISOString(), reminded_at: null as string | null };
    expect(isOverdue(loan, new Date("2026-11-23T01:59:59Z"))).toBe(false);
    expect(isOverdue(loan, new Date("2026-11-23T02:00:01Z"))).toBe(true);
    expect(needsReminder(loan, new Date("2026-11-24T00:00:00Z"))).toBe(true);
    expect(needsReminder({ ...loan, reminded_at: "2026-11-23T03:00:00Z" }, new Date("2026-11-24T00:00:00Z"))).toBe(false);
    expect(isOverdue({ ...loan, status: "returned" }, new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });
});

describe("codes", () => {
  it("derives the station prefix from the pinyin initials of its market", () => {
    expect(initialOf("天")).toBe("T");
    expect(initialOf("源")).toBe("Y");
    expect(stationPrefix("天源市场党群服务站")).toBe("TY");
    expect(stationPrefix("友谊市场党群服务站")).toBe("YY");
    expect(stationPrefix("Golden Gate")).toBe("GO");
    expect(stationPrefix("—")).toBe("ST");
  });

  it("prints readable running codes and reads their numbers back", () => {
    expect(itemCode("TY", "umbrella", 1)).toBe("TY-SAN-0001");
    expect(itemCode("TY", "bike", 12)).toBe("TY-CHE-0012");
    expect(itemCode("TY", "scale", 2)).toBe("TY-CHENG-0002");
    expect(itemCode("TY", "umbrella", 12345)).toBe("TY-SAN-12345");
    expect(codeNumber("TY-SAN-0041", "TY-SAN-")).toBe(41);
    expect(codeNumber("TY-SANX-0041", "TY-SAN-")).toBeNull();
    expect(codeNumber("TY-SAN-00A1", "TY-SAN-")).toBeNull();
  });

  it("reads what a scanner or a hand types", () => {
    expect(normaliseCode("  ty-san-0001\n")).toBe("TY-SAN-0001");
    expect(normaliseCode("TY-SAN- 0001")).toBe("TY-SAN-0001");
  });
});
