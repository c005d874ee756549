import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { memberVolunteerHoursSchema } from "../../../../contracts/volunteer-records.ts";
import { api } from "../../../app/api-client.ts";

export type MemberVolunteerHours = z.infer<typeof memberVolunteerHoursSchema>;

/** A member's final volunteer hours for their Party record (this year unless a period is given). */
export function useMemberVolunteerHours(memberId: number | null, period: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: ["party", "members", memberId, "volunteer-hours", period],
    queryFn: () => api.get<MemberVolunteerHours>(`/api/party/members/${memberId}/volunteer-hours`, period),
    enabled: memberId !== null,
  });
}
