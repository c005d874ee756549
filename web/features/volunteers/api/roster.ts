// The roster: a leader (or the station) assigns a member into a free place and substitutes a signed-up volunteer;
// the volunteer confirms the day before; the organiser enters the paper roster after the activity.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { assignmentSchema, paperRosterSchema } from "../../../../contracts/volunteers.ts";
import { api } from "../../../app/api-client.ts";
import type { OccurrenceDetail, Signup } from "./types.ts";

function useRosterChange<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: ["volunteers"] }) });
}

export const useAssign = () =>
  useRosterChange(({ occurrenceId, input }: { occurrenceId: number; input: z.output<typeof assignmentSchema> }) =>
    api.post<Signup>(`/api/volunteer-occurrences/${occurrenceId}/assignments`, input),
  );

export const useSubstitute = () =>
  useRosterChange(({ signupId, volunteerId }: { signupId: number; volunteerId: number }) =>
    api.post<Signup>(`/api/volunteer-signups/${signupId}/substitute`, { volunteerId }),
  );

export const usePaperRoster = () =>
  useRosterChange(({ occurrenceId, input }: { occurrenceId: number; input: z.output<typeof paperRosterSchema> }) =>
    api.post<OccurrenceDetail>(`/api/volunteer-occurrences/${occurrenceId}/paper-roster`, input),
  );

/** The volunteer confirms they come (asked the day before). */
export const useConfirmAttendance = () =>
  useRosterChange((signupId: number) => api.post<Signup>(`/api/volunteer-signups/${signupId}/confirm`));
