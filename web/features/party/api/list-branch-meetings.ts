import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { BranchMeetingKind } from "../components/labels.ts";
import type { BranchMeeting } from "./types.ts";

export interface BranchMeetingListQuery {
  branchId?: number;
  kind?: BranchMeetingKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function listBranchMeetings(query: BranchMeetingListQuery): Promise<Page<BranchMeeting>> {
  return api.get("/api/party/meetings", query as Query);
}

export function useBranchMeetings(query: BranchMeetingListQuery) {
  return useQuery({
    queryKey: ["party", "meetings", "list", query],
    queryFn: () => listBranchMeetings(query),
    placeholderData: keepPreviousData,
  });
}
