import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { ActionItem, actionItemListQuery } from "../../../../contracts/meetings.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type ActionItemListQuery = z.input<typeof actionItemListQuery>;

export function listActionItems(query: ActionItemListQuery): Promise<Page<ActionItem>> {
  return api.get("/api/action-items", query as Query);
}

export function useActionItems(query: ActionItemListQuery) {
  return useQuery({ queryKey: ["action-items", "list", query], queryFn: () => listActionItems(query), placeholderData: keepPreviousData });
}
