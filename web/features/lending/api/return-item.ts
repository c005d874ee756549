import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Loan } from "./types.ts";

/** Return by the scanned code. */
export function returnItem(input: { code: string; note?: string | null }): Promise<Loan> {
  return api.post("/api/lending/returns", input);
}

export function useReturnItem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: returnItem, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
