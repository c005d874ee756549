import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Query } from "../../../app/api-client.ts";
import type { MealRecipient, Page } from "./types.ts";

export function listMealRecipients(query: Query): Promise<Page<MealRecipient>> {
  return api.get("/api/caring/meals/recipients", query);
}

export function useMealRecipients(query: Query) {
  return useQuery({
    queryKey: ["caring", "meals", "recipients", query],
    queryFn: () => listMealRecipients(query),
    placeholderData: keepPreviousData,
  });
}
