// The rules of a report's draft and versions, pure: an edit keeps every figure its paragraph had and adds none;
// two versions differ by the figures whose value or record set moved and the sentences edited.
import { placeholderChange, type ReportDiff, type ReportFigure, type ReportParagraph } from "../../../contracts/reports.ts";

export type EditRefusal =
  | { kind: "unknown_paragraph"; paragraph: string }
  | { kind: "placeholders_changed"; paragraph: string; dropped: string[]; invented: string[] };

/** The draft with the edits applied, or why not (the first paragraph at fault). Edits name paragraphs by id. */
export function applyEdits(
  draft: ReportParagraph[],
  edits: { id: string; text: string }[],
): { ok: true; paragraphs: ReportParagraph[]; changed: string[] } | { ok: false; refusal: EditRefusal } {
  const byId = new Map(draft.map((p) => [p.id, p]));
  const next = new Map<string, string>();
  for (const e of edits) {
    const p = byId.get(e.id);
    if (!p) return { ok: false, refusal: { kind: "unknown_paragraph", paragraph: e.id } };
    const change = placeholderChange(p.text, e.text);
    if (change) return { ok: false, refusal: { kind: "placeholders_changed", paragraph: e.id, ...change } };
    next.set(e.id, e.text);
  }
  const changed = draft.filter((p) => next.has(p.id) && next.get(p.id) !== p.text).map((p) => p.id);
  return { ok: true, paragraphs: draft.map((p) => (next.has(p.id) ? { ...p, text: next.get(p.id) as string } : p)), changed };
}

/** What moved from version `a` to version `b`. Citations' `computedAt` always moves, so only value and hash count. */
export function diffVersions(
  a: { number: number; figures: ReportFigure[]; paragraphs: ReportParagraph[] },
  b: { number: number; figures: ReportFigure[]; paragraphs: ReportParagraph[] },
): ReportDiff {
  const before = new Map(a.figures.map((f) => [f.id, f]));
  const after = new Map(b.figures.map((f) => [f.id, f]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const figures: ReportDiff["figures"] = [];
  for (const id of ids) {
    const x = before.get(id);
    const y = after.get(id);
    const row = {
      id,
      name: (y ?? x)?.name ?? id,
      before: x ? x.text : null,
      after: y ? y.text : null,
      beforeHash: x?.citation?.recordSetHash ?? null,
      afterHash: y?.citation?.recordSetHash ?? null,
      beforeCount: x?.citation?.recordCount ?? null,
      afterCount: y?.citation?.recordCount ?? null,
    };
    if (!x || x.missing) {
      if (y && !y.missing) figures.push({ ...row, change: "added" });
    } else if (!y || y.missing) figures.push({ ...row, change: "removed" });
    else if (x.value !== y.value) figures.push({ ...row, change: "value" });
    else if (row.beforeHash !== row.afterHash) figures.push({ ...row, change: "records" });
  }
  const pa = new Map(a.paragraphs.map((p) => [p.id, p.text]));
  const pb = new Map(b.paragraphs.map((p) => [p.id, p.text]));
  const paragraphs: ReportDiff["paragraphs"] = [];
  for (const id of [...new Set([...pa.keys(), ...pb.keys()])]) {
    const x = pa.get(id) ?? null;
    const y = pb.get(id) ?? null;
    if (x !== y) paragraphs.push({ id, before: x, after: y });
  }
  return { from: a.number, to: b.number, figures, paragraphs };
}
