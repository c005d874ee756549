// An import: previewed → imported (all rows, or only the valid ones) | discarded. Nothing is written before
// the commit, and the commit writes every accepted row in one transaction or none.
export type ImportStatus = "previewed" | "imported" | "discarded";
export type ImportEvent = { type: "commit"; mode: "all" | "valid_only"; invalidRows: number; validRows: number } | { type: "discard" };
export type ImportRefusal = "import.already_done" | "import.has_errors";

export function nextImportStatus(
  from: ImportStatus,
  event: ImportEvent,
): { ok: true; status: ImportStatus } | { ok: false; refusal: ImportRefusal } {
  if (from !== "previewed") return { ok: false, refusal: "import.already_done" };
  if (event.type === "discard") return { ok: true, status: "discarded" };
  if (event.mode === "all" && event.invalidRows > 0) return { ok: false, refusal: "import.has_errors" };
  if (event.validRows === 0) return { ok: false, refusal: "import.has_errors" };
  return { ok: true, status: "imported" };
}
