import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { Need, needListQuery } from "../../../../contracts/lists.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type NeedListQuery = z.input<typeof needListQuery>;

export function listNeeds(query: NeedListQuery): Promise<Page<Need>> {
  return api.get("/api/needs", query as Query);
}

export function useNeeds(query: NeedListQuery, enabled = true) {
  return useQuery({ queryKey: ["needs", "list", query], queryFn: () => listNeeds(query), placeholderData: keepPreviousData, enabled });
}
