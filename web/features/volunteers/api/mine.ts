// The volunteer's phone: my profile and my teams' coming activities, sign-up and withdrawal, check-in and check-out,
// my service records and objections, and the station's teams to join or leave.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { volunteerRegisterSchema } from "../../../../contracts/volunteers.ts";
import { api } from "../../../app/api-client.ts";
import type { Membership, MyRecords, MyTeam, MyVolunteering, Objection, Signup, Volunteer } from "./types.ts";

const mineKey = ["volunteers", "me"] as const;

export function useMyVolunteering() {
  return useQuery({ queryKey: [...mineKey, "activities"], queryFn: () => api.get<MyVolunteering>("/api/me/volunteering") });
}

export function useMyRecords() {
  return useQuery({ queryKey: [...mineKey, "records"], queryFn: () => api.get<MyRecords>("/api/me/volunteering/hours") });
}

export function useMyTeams(enabled = true) {
  return useQuery({ queryKey: [...mineKey, "teams"], queryFn: () => api.get<MyTeam[]>("/api/me/volunteering/teams"), enabled });
}

function useMineMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: mineKey }) });
}

export type RegisterInput = z.output<typeof volunteerRegisterSchema>;

export const useRegister = () => useMineMutation((input: RegisterInput) => api.post<Volunteer>("/api/me/volunteering", input));

export const useRequestMembership = () =>
  useMineMutation((teamId: number) => api.post<Membership>("/api/me/volunteering/memberships", { teamId }));

export const useLeaveMembership = () => useMineMutation((id: number) => api.post<Membership>(`/api/volunteer-memberships/${id}/leave`));

export const useSignUp = () =>
  useMineMutation(({ occurrenceId, teamId }: { occurrenceId: number; teamId?: number }) =>
    api.post<Signup>(`/api/volunteer-occurrences/${occurrenceId}/signups`, teamId ? { teamId } : {}),
  );

export const useWithdraw = () => useMineMutation((signupId: number) => api.post<Signup>(`/api/volunteer-signups/${signupId}/withdraw`));

/** Check in or out with the organiser's code. */
export const usePresence = () =>
  useMineMutation(({ occurrenceId, kind, code }: { occurrenceId: number; kind: "check-in" | "check-out"; code: string }) =>
    api.post<Signup>(`/api/volunteer-occurrences/${occurrenceId}/${kind}`, { code }),
  );

export const useObject = () =>
  useMineMutation(({ occurrenceId, reason }: { occurrenceId: number; reason: string }) =>
    api.post<Objection>(`/api/volunteer-occurrences/${occurrenceId}/objections`, { reason }),
  );
