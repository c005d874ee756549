// Lendable items and their loans as pure state machines, with the codes printed on the labels.
//
// Item: available → lent (lend) → available (return); lent → lost | damaged (the loan closes so);
//       available → damaged (found broken on the shelf); damaged → available (repair); lost → available (find);
//       available | damaged | lost → retired. A retired item stays retired.
// Loan: out → returned | lost | damaged; a closed loan never changes again.

import type { ItemStatus, LendKind, LoanStatus } from "../../../contracts/lending.ts";

export type ItemEvent = "lend" | "return" | "lose" | "damage" | "repair" | "find" | "retire";
export type ItemRefusal = "lend.not_available" | "lend.not_lent" | "lend.item_transition";

const itemMoves: Record<ItemEvent, Partial<Record<ItemStatus, ItemStatus>>> = {
  lend: { available: "lent" },
  return: { lent: "available" },
  lose: { lent: "lost" },
  damage: { lent: "damaged", available: "damaged" },
  repair: { damaged: "available" },
  find: { lost: "available" },
  retire: { available: "retired", damaged: "retired", lost: "retired" },
};

/** The item's next status, or the rule that refuses the step. */
export function nextItemStatus(
  status: ItemStatus,
  event: ItemEvent,
): { ok: true; status: ItemStatus } | { ok: false; refusal: ItemRefusal } {
  const next = itemMoves[event][status];
  if (next) return { ok: true, status: next };
  if (event === "lend") return { ok: false, refusal: "lend.not_available" };
  if (event === "return" || event === "lose") return { ok: false, refusal: "lend.not_lent" };
  return { ok: false, refusal: "lend.item_transition" };
}

export type StaffItemAction = "damage" | "repair" | "find" | "retire";

/** A staff step on the shelf; a lent item changes only through its loan (returned, lost, damaged). */
export function staffItemAction(status: ItemStatus, action: StaffItemAction) {
  if (status === "lent") return { ok: false as const, refusal: "lend.item_transition" as const };
  return nextItemStatus(status, action);
}

export type LoanOutcome = "returned" | "lost" | "damaged";

/** How a loan closes, and what that does to its item. */
export function closeLoan(
  loan: LoanStatus,
  outcome: LoanOutcome,
): { ok: true; loan: LoanStatus; itemEvent: ItemEvent } | { ok: false; refusal: "lend.not_lent" } {
  if (loan !== "out") return { ok: false, refusal: "lend.not_lent" };
  const itemEvent: ItemEvent = outcome === "returned" ? "return" : outcome === "lost" ? "lose" : "damage";
  return { ok: true, loan: outcome, itemEvent };
}

const DAY_MS = 86_400_000;

/** A loan is due `loanDays` whole days after it was lent. */
export function dueAt(lentAt: Date, loanDays: number): Date {
  return new Date(lentAt.getTime() + loanDays * DAY_MS);
}

/** Out and past its due time. */
export function isOverdue(loan: { status: string; due_at: string }, now: Date): boolean {
  return loan.status === "out" && loan.due_at < now.toISOString();
}

/** Overdue and not yet reminded: the overdue job reminds each loan once. */
export function needsReminder(loan: { status: string; due_at: string; reminded_at: string | null }, now: Date): boolean {
  return isOverdue(loan, now) && loan.reminded_at === null;
}

export const kindCodes: Record<LendKind, string> = { umbrella: "SAN", bike: "CHE", scale: "CHENG", other: "QT" };
export const kindNames: Record<LendKind, string> = { umbrella: "共享雨伞", bike: "小黄车", scale: "公平秤", other: "其他" };

// The first character of each pinyin initial in the Chinese collation: 阿 starts A, 八 starts B, and so on.
const initialBounds = "阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀";
const initialLetters = "ABCDEFGHJKLMNOPQRSTWXYZ";
// Made on first use: building a Chinese collator loads its ICU data, which start-up should not pay for.
let pinyinOrder: Intl.Collator | null = null;

/** The pinyin initial of one Chinese character (天 → T), or the letter itself, upper-cased. */
export function initialOf(ch: string): string {
  if (/^[a-z0-9]$/i.test(ch)) return ch.toUpperCase();
  if (!/\p{Script=Han}/u.test(ch)) return "";
  pinyinOrder ??= new Intl.Collator("zh-Hans-CN-u-co-pinyin");
  for (let i = initialBounds.length - 1; i >= 0; i--) {
    if (pinyinOrder.compare(ch, initialBounds[i]) >= 0) return initialLetters[i];
  }
  return "";
}

/** The station's label prefix: the pinyin initials of its market's name (天源市场党群服务站 → TY, 友谊… → YY). */
export function stationPrefix(stationName: string): string {
  const letters = [...stationName]
    .map(initialOf)
    .filter((c) => c !== "")
    .slice(0, 2)
    .join("");
  return letters.length === 2 ? letters : "ST";
}

/** TY-SAN-0001: station prefix, kind, a running number of four digits (more when it outgrows them). */
export function itemCode(prefix: string, kind: LendKind, n: number): string {
  return `${prefix}-${kindCodes[kind]}-${String(n).padStart(4, "0")}`;
}

/** The running number of a code with the given stem (`TY-SAN-`), or null when it is not one of ours. */
export function codeNumber(code: string, stem: string): number | null {
  if (!code.startsWith(stem)) return null;
  const rest = code.slice(stem.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

/** What a scanner or a hand types for a label: the code, whatever the case and stray spaces. */
export function normaliseCode(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, "");
}
