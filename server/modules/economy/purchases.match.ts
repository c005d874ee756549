// Reading an enterprise's purchase rows, pure: amounts in yuan to whole fen, dates, and names matched to the
// registry — exactly after normalising (spaces, brackets, punctuation), else approximately (the character-bigram
// Dice coefficient, the best match only when clearly ahead of the next), else refused and named.

export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s()（）[\]【】·.,，。、\-—_]/g, "")
    .toLowerCase();
}

function bigrams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** The Dice coefficient of two names' character bigrams (0 to 1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(normaliseName(a));
  const y = bigrams(normaliseName(b));
  const counts = new Map<string, number>();
  for (const g of y) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export const FUZZY_THRESHOLD = 0.6;
const MARGIN = 0.1;

export interface Named {
  id: number;
  name: string;
}

/** The exact match, else the approximate one clearly ahead of the rest; null when none is. */
export function matchName<T extends Named>(given: string, candidates: T[], exact: Map<string, T>): { match: T; fuzzy: boolean } | null {
  const hit = exact.get(normaliseName(given));
  if (hit) return { match: hit, fuzzy: false };
  let best: T | null = null;
  let bestScore = 0;
  let second = 0;
  for (const c of candidates) {
    const s = similarity(given, c.name);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = c;
    } else if (s > second) second = s;
  }
  if (best && bestScore >= FUZZY_THRESHOLD && bestScore - second >= MARGIN) return { match: best, fuzzy: true };
  return null;
}

export function exactIndex<T extends Named>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [normaliseName(i.name), i]));
}

/** Yuan as written in a sheet ("1,280.50", "1280.5", "¥1280") to whole fen; null unless positive with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥元]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return fen > 0 && fen <= 2_000_000_000 ? fen : null;
}

/** A date as written (2026-03-05, 2026/3/5, 2026.3.5) to YYYY-MM-DD; null if it is no calendar date. */
export function sheetDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const v = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v ? v : null;
}

/** A purchase counts once the merchant confirmed it; a disputed one does not. Only a pending one may move. */
export function purchaseNext(status: "pending" | "confirmed" | "disputed", event: "confirm" | "dispute") {
  if (status !== "pending") return { ok: false as const, refusal: "economy.purchase_transition" as const };
  return { ok: true as const, value: event === "confirm" ? ("confirmed" as const) : ("disputed" as const) };
}
