import { api } from "../../../app/api-client.ts";
import type { LendItem } from "./types.ts";

/** The item a scanned label names. */
export function lookupItem(code: string): Promise<LendItem> {
  return api.get("/api/lending/lookup", { code });
}
