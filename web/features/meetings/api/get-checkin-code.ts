import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { checkInCodeSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type CheckInCode = z.infer<typeof checkInCodeSchema>;

export function getCheckInCode(id: number): Promise<CheckInCode> {
  return api.get(`/api/meetings/${id}/checkin-code`);
}

/** The rotating code: fetched again every minute while shown, well before it expires. */
export function useCheckInCode(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ["meetings", "checkin-code", id],
    queryFn: () => getCheckInCode(id),
    enabled,
    refetchInterval: 60_000,
    staleTime: 0,
    gcTime: 0,
  });
}
