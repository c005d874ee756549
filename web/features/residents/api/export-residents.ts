import { downloadFile, type Query } from "../../../app/api-client.ts";
import type { ResidentListQuery } from "./list-residents.ts";

export function exportResidents(query: Omit<ResidentListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/residents/export", query as Query, "residents.xlsx");
}
