import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { LendingSummary } from "./types.ts";

export function getSummary(): Promise<LendingSummary> {
  return api.get("/api/lending/summary");
}

export function useLendingSummary() {
  return useQuery({ queryKey: ["lending", "summary"], queryFn: getSummary });
}
