import { useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { MealRecipient } from "./types.ts";

/** The server answers the whole list (a station has dozens, not thousands); a page is accepted too. */
export function listMealRecipients(query: Query): Promise<MealRecipient[] | Page<MealRecipient>> {
  return api.get("/api/caring/meals/recipients", query);
}

export function useMealRecipients(query: Query) {
  return useQuery({
    queryKey: ["caring", "meals", "recipients", query],
    queryFn: async () => {
      const body = await listMealRecipients(query);
      return Array.isArray(body) ? body : (body?.items ?? []);
    },
  });
}
