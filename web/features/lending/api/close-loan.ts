import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Loan } from "./types.ts";

export type LoanOutcome = "returned" | "lost" | "damaged";

export function closeLoan({ id, outcome, note }: { id: number; outcome: LoanOutcome; note?: string | null }): Promise<Loan> {
  return api.post(`/api/lending/loans/${id}/close`, { outcome, note: note ?? null });
}

export function useCloseLoan() {
  const client = useQueryClient();
  return useMutation({ mutationFn: closeLoan, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
