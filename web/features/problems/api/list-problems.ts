import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import type { Problem, ProblemListQuery } from "../../../../contracts/problems.ts";
import { api, type Query } from "../../../app/api-client.ts";

export function listProblems(query: ProblemListQuery): Promise<Page<Problem>> {
  return api.get("/api/problems", query as Query);
}

export function useProblems(query: ProblemListQuery) {
  return useQuery({ queryKey: ["problems", "list", query], queryFn: () => listProblems(query), placeholderData: keepPreviousData });
}
