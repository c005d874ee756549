import type { MerchantListQuery } from "../../../../contracts/merchants.ts";
import { downloadFile, type Query } from "../../../app/api-client.ts";

export function exportMerchants(query: Omit<MerchantListQuery, "page" | "pageSize">): Promise<void> {
  return downloadFile("/api/merchants/export", query as Query, "merchants.xlsx");
}
