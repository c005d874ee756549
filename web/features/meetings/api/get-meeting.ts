import { useQuery } from "@tanstack/react-query";
import type { Meeting } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export function getMeeting(id: number): Promise<Meeting> {
  return api.get(`/api/meetings/${id}`);
}

/** `pollMs` keeps the attendance list live while the check-in screen is open. */
export function useMeeting(id: number, pollMs?: number) {
  return useQuery({ queryKey: ["meetings", "detail", id], queryFn: () => getMeeting(id), enabled: id > 0, refetchInterval: pollMs });
}
