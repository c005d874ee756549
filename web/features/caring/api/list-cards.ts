import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { cardListQuery } from "../../../../contracts/caring.ts";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { Card } from "./types.ts";

export type CardListQuery = z.input<typeof cardListQuery>;

export function listCards(query: CardListQuery): Promise<Page<Card>> {
  return api.get("/api/caring/cards", query as Query);
}

export function useCards(query: CardListQuery) {
  return useQuery({ queryKey: ["caring", "cards", "list", query], queryFn: () => listCards(query), placeholderData: keepPreviousData });
}
