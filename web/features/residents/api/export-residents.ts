import type { ResidentListQuery } from "../../../api/list-residents.ts";
import { downloadFile, type Query } from "../../../app/api-client.ts";

export function exportResidents(query: Omit<ResidentListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/residents/export", query as Query, "residents.xlsx");
}
