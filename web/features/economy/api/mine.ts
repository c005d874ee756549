// The merchant's own economy on the phone: the open policies they may apply for and their applications; the
// purchases made at their shop, each confirmed (or disputed) once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { myPurchasesSchema, myReliefSchema, Purchase, Relief } from "../../../../contracts/economy.ts";
import { api } from "../../../app/api-client.ts";

export type MyRelief = z.infer<typeof myReliefSchema>;
export type MyPurchases = z.infer<typeof myPurchasesSchema>;

const reliefKey = ["economy", "me", "relief"] as const;
const purchasesKey = ["economy", "me", "purchases"] as const;

export const useMyRelief = () => useQuery({ queryKey: reliefKey, queryFn: () => api.get<MyRelief>("/api/me/relief") });

export function useApplyForRelief() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { policyId: number; requestedFen: number; reason: string | null }) =>
      api.post<Relief>("/api/me/relief-applications", input),
    onSettled: () => client.invalidateQueries({ queryKey: reliefKey }),
  });
}

export const useMyPurchases = () => useQuery({ queryKey: purchasesKey, queryFn: () => api.get<MyPurchases>("/api/me/purchases") });

export function useSettlePurchase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, event }: { id: number; event: "confirm" | "dispute" }) => api.post<Purchase>(`/api/me/purchases/${id}/${event}`, {}),
    onSettled: () => client.invalidateQueries({ queryKey: purchasesKey }),
  });
}
