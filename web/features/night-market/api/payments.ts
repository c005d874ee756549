import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface Balance {
  operatorId: number;
  operatorName: string;
  feesFen: number;
  depositsFen: number;
  feeRefundsFen: number;
  depositRefundsFen: number;
}

export function usePayments(seasonId: number | undefined) {
  return useQuery({
    queryKey: ["night-market", "payments", seasonId],
    queryFn: () => api.get<{ balances: Balance[] }>(`/api/night-market-seasons/${seasonId}/payments`),
    enabled: seasonId !== undefined,
  });
}

export function useRecordPayment(seasonId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { operatorId: number; kind: string; amountFen: number; note?: string | null }) =>
      api.post(`/api/night-market-seasons/${seasonId}/payments`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ["night-market", "payments", seasonId] }),
  });
}
