import type { AllianceUnitListQuery } from "../../../api/list-alliance-units.ts";
import { downloadFile, type Query } from "../../../app/api-client.ts";

export function exportAllianceUnits(query: Omit<AllianceUnitListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/alliance-units/export", query as Query, "alliance-units.xlsx");
}
