import { downloadFile } from "../../../app/api-client.ts";
import type { LendKind } from "./types.ts";

/** The A4 label sheets (PDF): the chosen items, or every item of a kind. */
export function downloadLabels(which: { ids?: number[]; kind?: LendKind }): Promise<void> {
  return downloadFile(
    "/api/lending/labels.pdf",
    { ids: which.ids?.length ? which.ids.join(",") : undefined, kind: which.kind },
    "lending-labels.pdf",
  );
}
