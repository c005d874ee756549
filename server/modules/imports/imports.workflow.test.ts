import { describe, expect, it } from "vitest";
import { nextImportStatus } from "./imports.workflow.ts";

describe("import workflow", () => {
  it("imports everything only when every row is valid", () => {
    expect(nextImportStatus("previewed", { type: "commit", mode: "all", validRows: 3, invalidRows: 0 })).toEqual({
      ok: true,
      status: "imported",
    });
    expect(nextImportStatus("previewed", { type: "commit", mode: "all", validRows: 3, invalidRows: 1 })).toEqual({
      ok: false,
      refusal: "import.has_errors",
    });
  });
  it("imports the valid rows when asked", () =>
    expect(nextImportStatus("previewed", { type: "commit", mode: "valid_only", validRows: 3, invalidRows: 1 })).toEqual({
      ok: true,
      status: "imported",
    }));
  it("refuses to import when no row is valid", () =>
    expect(nextImportStatus("previewed", { type: "commit", mode: "valid_only", validRows: 0, invalidRows: 4 })).toEqual({
      ok: false,
      refusal: "import.has_errors",
    }));
  it("discards a preview", () => expect(nextImportStatus("previewed", { type: "discard" })).toEqual({ ok: true, status: "discarded" }));
  for (const done of ["imported", "discarded"] as const) {
    it(`refuses any event after ${done}`, () => {
      expect(nextImportStatus(done, { type: "discard" })).toEqual({ ok: false, refusal: "import.already_done" });
      expect(nextImportStatus(done, { type: "commit", mode: "valid_only", validRows: 1, invalidRows: 0 })).toEqual({
        ok: false,
        refusal: "import.already_done",
      });
    });
  }
});
