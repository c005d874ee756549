import { useQuery } from "@tanstack/react-query";
import type { ProblemDetail } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

export function getProblem(id: number): Promise<ProblemDetail> {
  return api.get(`/api/problems/${id}`);
}

export function useProblem(id: number) {
  return useQuery({ queryKey: ["problems", "detail", id], queryFn: () => getProblem(id), enabled: id > 0 });
}
