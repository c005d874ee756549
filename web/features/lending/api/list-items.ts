import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { itemListQuery } from "../../../../contracts/lending.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { LendItem } from "./types.ts";

export type ItemListQuery = z.input<typeof itemListQuery>;

export function listItems(query: ItemListQuery): Promise<Page<LendItem>> {
  return api.get("/api/lending/items", query as Query);
}

export function useItems(query: ItemListQuery) {
  return useQuery({ queryKey: ["lending", "items", "list", query], queryFn: () => listItems(query), placeholderData: keepPreviousData });
}
