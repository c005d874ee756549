import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { Meeting, meetingListQuery } from "../../../../contracts/meetings.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type MeetingListQuery = z.input<typeof meetingListQuery>;

export function listMeetings(query: MeetingListQuery): Promise<Page<Meeting>> {
  return api.get("/api/meetings", query as Query);
}

export function useMeetings(query: MeetingListQuery) {
  return useQuery({ queryKey: ["meetings", "list", query], queryFn: () => listMeetings(query), placeholderData: keepPreviousData });
}
