import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { Member, memberListQuery } from "../../../../contracts/party.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type MemberListQuery = z.input<typeof memberListQuery>;

export function listMembers(query: MemberListQuery): Promise<Page<Member>> {
  return api.get("/api/party/members", query as Query);
}

export function useMembers(query: MemberListQuery, enabled = true) {
  return useQuery({
    queryKey: ["party", "members", "list", query],
    queryFn: () => listMembers(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
