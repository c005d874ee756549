import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { BookableDay } from "./types.ts";

export function bookableDays(itemId: number): Promise<BookableDay[]> {
  return api.get(`/api/services/items/${itemId}/days`);
}

export function useBookableDays(itemId: number | null) {
  return useQuery({ queryKey: ["counter", "days", itemId], queryFn: () => bookableDays(itemId as number), enabled: itemId !== null });
}
