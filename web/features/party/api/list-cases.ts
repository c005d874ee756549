import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { caseListQuery, DevelopmentCase } from "../../../../contracts/party.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type CaseListQuery = z.input<typeof caseListQuery>;

export function listCases(query: CaseListQuery): Promise<Page<DevelopmentCase>> {
  return api.get("/api/party/cases", query as Query);
}

export function useCases(query: CaseListQuery) {
  return useQuery({ queryKey: ["party", "cases", "list", query], queryFn: () => listCases(query), placeholderData: keepPreviousData });
}
