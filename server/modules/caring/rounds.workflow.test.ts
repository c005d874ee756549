import { describe, expect, it } from "vitest";
import { roundStatuses } from "../../../contracts/caring.ts";
import { addMonthsInclusive, awardOutcome, maskName, nextRoundStatus, type RoundAction } from "./rounds.workflow.ts";

const base = { unreviewed: 0, openObjections: 0, publicityUntil: "2026-11-05", today: "2026-11-06" };

describe("award round status", () => {
  const expected: Record<string, string> = {
    "nominating>close_nominations": "reviewing",
    "reviewing>publish": "publicity",
    "publicity>award": "awarded",
    "nominating>cancel": "cancelled",
    "reviewing>cancel": "cancelled",
    "publicity>cancel": "cancelled",
  };
  const actions: RoundAction[] = ["close_nominations", "publish", "award", "cancel"];
  for (const status of roundStatuses) {
    for (const action of actions) {
      it(`${status} → ${action}`, () => {
        const r = nextRoundStatus(action, { ...base, status });
        expect(r.ok ? r.status : r.refusal).toBe(expected[`${status}>${action}`] ?? "round.transition");
      });
    }
  }

  it("publishes only when every nomination is reviewed", () => {
    expect(nextRoundStatus("publish", { ...base, status: "reviewing", unreviewed: 1 })).toEqual({ ok: false, refusal: "round.unreviewed" });
  });

  it("awards only after the publicity's last day (China time) and with every objection decided", () => {
    const p = { ...base, status: "publicity" as const };
    expect(nextRoundStatus("award", { ...p, today: "2026-11-05" })).toEqual({ ok: false, refusal: "round.publicity_running" });
    expect(nextRoundStatus("award", { ...p, today: "2026-11-04" })).toEqual({ ok: false, refusal: "round.publicity_running" });
    expect(nextRoundStatus("award", { ...p, publicityUntil: null })).toEqual({ ok: false, refusal: "round.publicity_running" });
    expect(nextRoundStatus("award", { ...p, openObjections: 2 })).toEqual({ ok: false, refusal: "round.objections_open" });
    expect(nextRoundStatus("award", p)).toEqual({ ok: true, status: "awarded" });
  });

  it("picks winners: accepted without an upheld objection", () => {
    expect(awardOutcome("accepted", 0)).toBe("winner");
    expect(awardOutcome("accepted", 1)).toBe("not_awarded");
    expect(awardOutcome("rejected", 0)).toBe("rejected");
    expect(awardOutcome("nominated", 0)).toBe("nominated");
  });
});

describe("card validity and names", () => {
  it("ends a card's validity the day before the same date months later, clamping month ends", () => {
    expect(addMonthsInclusive("2026-01-15", 12)).toBe("2027-01-14");
    expect(addMonthsInclusive("2026-01-31", 1)).toBe("2026-02-27");
    expect(addMonthsInclusive("2026-11-28", 3)).toBe("2027-02-27");
  });
  it("masks a name to its surname", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("李四")).toBe("李*");
    expect(maskName("王")).toBe("王*");
    expect(maskName("")).toBe("");
  });
});
