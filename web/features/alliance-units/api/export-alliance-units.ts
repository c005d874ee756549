import { downloadFile, type Query } from "../../../app/api-client.ts";
import type { AllianceUnitListQuery } from "./list-alliance-units.ts";

export function exportAllianceUnits(query: Omit<AllianceUnitListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/alliance-units/export", query as Query, "alliance-units.xlsx");
}
