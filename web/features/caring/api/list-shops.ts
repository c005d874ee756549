import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { shopListQuery } from "../../../../contracts/caring.ts";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { CaringShop } from "./types.ts";

export type ShopListQuery = z.input<typeof shopListQuery>;

export function listShops(query: ShopListQuery): Promise<Page<CaringShop>> {
  return api.get("/api/caring/shops", query as Query);
}

export function useShops(query: ShopListQuery) {
  return useQuery({ queryKey: ["caring", "shops", "list", query], queryFn: () => listShops(query), placeholderData: keepPreviousData });
}
