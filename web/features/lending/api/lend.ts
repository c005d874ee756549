import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { lendSchema } from "../../../../contracts/lending.ts";
import { api } from "../../../app/api-client.ts";
import type { Loan } from "./types.ts";

export type LendInput = z.input<typeof lendSchema>;

export function lend(input: LendInput): Promise<Loan> {
  return api.post("/api/lending/loans", input);
}

export function useLend() {
  const client = useQueryClient();
  return useMutation({ mutationFn: lend, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
