import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Problem, ProblemListQuery } from "../../../../contracts/problems.ts";
import { api, type Query } from "../../../app/api-client.ts";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function listProblems(query: ProblemListQuery): Promise<Page<Problem>> {
  return api.get("/api/problems", query as Query);
}

export function useProblems(query: ProblemListQuery) {
  return useQuery({ queryKey: ["problems", "list", query], queryFn: () => listProblems(query), placeholderData: keepPreviousData });
}

/** A unit's open problems whose next step is theirs: few per unit, so fetched whole, status by status. */
export async function listWorkQueue(query: Omit<ProblemListQuery, "status" | "page" | "pageSize" | "sort" | "order">): Promise<Problem[]> {
  const pages = await Promise.all(
    (["assigned", "in_progress", "reopened"] as const).map((status) => listProblems({ ...query, status, page: 1, pageSize: 200 })),
  );
  return pages
    .flatMap((p) => p.items)
    .filter((p) => p.nextActions.some((a) => a === "start" || a === "resolve" || a === "note"))
    .sort((a, b) => (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999"));
}

export function useWorkQueue(query: Omit<ProblemListQuery, "status" | "page" | "pageSize" | "sort" | "order">, enabled: boolean) {
  return useQuery({
    queryKey: ["problems", "queue", query],
    queryFn: () => listWorkQueue(query),
    enabled,
    placeholderData: keepPreviousData,
  });
}
