import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Borrower } from "./types.ts";

export function listBorrowers(q: string): Promise<Borrower[]> {
  return api.get("/api/lending/borrowers", { q });
}

export function useBorrowers(q: string, enabled = true) {
  return useQuery({ queryKey: ["lending", "borrowers", q], queryFn: () => listBorrowers(q), enabled, placeholderData: keepPreviousData });
}
