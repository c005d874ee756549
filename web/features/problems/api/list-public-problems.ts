import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { publicProblemSchema } from "../../../../contracts/problems.ts";
import { api } from "../../../app/api-client.ts";

export type PublicProblem = z.infer<typeof publicProblemSchema>;

/** The public board: resolved problems without personal data; no sign-in needed. */
export function listPublicProblems(query: { stationId?: number; page: number; pageSize: number }): Promise<Page<PublicProblem>> {
  return api.get("/api/public/problems", { ...query }, { quiet401: true });
}

export function usePublicProblems(query: { stationId?: number; page: number; pageSize: number }) {
  return useQuery({ queryKey: ["public-problems", query], queryFn: () => listPublicProblems(query), placeholderData: keepPreviousData });
}
