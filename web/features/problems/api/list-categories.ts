import { useQuery } from "@tanstack/react-query";
import type { ProblemCategory } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

export function listProblemCategories(): Promise<ProblemCategory[]> {
  return api.get("/api/problem-categories");
}

export function useProblemCategories() {
  return useQuery({ queryKey: ["problem-categories"], queryFn: listProblemCategories, staleTime: 5 * 60_000 });
}
