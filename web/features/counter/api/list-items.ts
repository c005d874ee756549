import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { serviceItemListQuery } from "../../../../contracts/counter.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { ServiceItem } from "./types.ts";

export type ItemListQuery = z.input<typeof serviceItemListQuery>;

export function listServiceItems(query: ItemListQuery): Promise<Page<ServiceItem>> {
  return api.get("/api/services/items", query as Query);
}

export function useServiceItems(query: ItemListQuery, enabled = true) {
  return useQuery({
    queryKey: ["counter", "items", query],
    queryFn: () => listServiceItems(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
