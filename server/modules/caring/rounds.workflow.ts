// Award rounds: nominating → reviewing → publicity → awarded; cancelled from any but awarded. Nominations are
// reviewed while reviewing, objected to during publicity, and the award picks the winners.

import { addDays, addMonths } from "../../../contracts/calendar.ts";
import type { NominationStatus, RoundStatus } from "../../../contracts/caring.ts";

export type RoundAction = "close_nominations" | "publish" | "award" | "cancel";
export type RoundRefusal = "round.transition" | "round.unreviewed" | "round.publicity_running" | "round.objections_open";

export interface RoundFacts {
  status: RoundStatus;
  /** Nominations still waiting for review. */
  unreviewed: number;
  /** Objections not yet upheld or dismissed. */
  openObjections: number;
  publicityUntil: string | null;
  /** Today at the station (YYYY-MM-DD). */
  today: string;
}

const from: Record<RoundAction, readonly RoundStatus[]> = {
  close_nominations: ["nominating"],
  publish: ["reviewing"],
  award: ["publicity"],
  cancel: ["nominating", "reviewing", "publicity"],
};

const to: Record<RoundAction, RoundStatus> = {
  close_nominations: "reviewing",
  publish: "publicity",
  award: "awarded",
  cancel: "cancelled",
};

export function nextRoundStatus(
  action: RoundAction,
  f: RoundFacts,
): { ok: true; status: RoundStatus } | { ok: false; refusal: RoundRefusal } {
  if (!from[action].includes(f.status)) return { ok: false, refusal: "round.transition" };
  if (action === "publish" && f.unreviewed > 0) return { ok: false, refusal: "round.unreviewed" };
  if (action === "award") {
    if (f.publicityUntil === null || f.today <= f.publicityUntil) return { ok: false, refusal: "round.publicity_running" };
    if (f.openObjections > 0) return { ok: false, refusal: "round.objections_open" };
  }
  return { ok: true, status: to[action] };
}

/** The nominations' fate at the award: accepted without an upheld objection win; other accepted ones do not. */
export function awardOutcome(status: NominationStatus, upheldObjections: number): NominationStatus {
  if (status !== "accepted") return status;
  return upheldObjections > 0 ? "not_awarded" : "winner";
}

/** Adds months to a YYYY-MM-DD date, minus one day (a card valid 12 months from 2026-01-15 ends 2027-01-14); clamps month ends. */
export function addMonthsInclusive(date: string, months: number): string {
  return addDays(addMonths(date, months), -1);
}

/** Masks a name to its surname: 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}
