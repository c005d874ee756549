import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Membership, Team } from "./types.ts";

export function useTeams(stationId?: number) {
  return useQuery({
    queryKey: ["volunteers", "teams", stationId ?? null],
    queryFn: () => api.get<Team[]>("/api/volunteer-teams", { stationId }),
  });
}

/** A team's members and its pending join requests. */
export function useTeamMembers(teamId: number | null) {
  return useQuery({
    queryKey: ["volunteers", "team-members", teamId],
    queryFn: () => api.get<Membership[]>(`/api/volunteer-teams/${teamId}/members`),
    enabled: teamId !== null,
  });
}

/** Approve or refuse a join request (the team's leader or the station). */
export function useDecideMembership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      api.post<Membership>(`/api/volunteer-memberships/${id}/decision`, { approve }),
    onSettled: () => client.invalidateQueries({ queryKey: ["volunteers"] }),
  });
}
