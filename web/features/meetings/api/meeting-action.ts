import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Meeting, meetingActionSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type MeetingAction = z.input<typeof meetingActionSchema>;

/** Hold the meeting (with its minutes) or cancel it. */
export function actOnMeeting({ id, input }: { id: number; input: MeetingAction }): Promise<Meeting> {
  return api.post(`/api/meetings/${id}/actions`, input);
}

export function useMeetingAction() {
  const client = useQueryClient();
  return useMutation({ mutationFn: actOnMeeting, onSettled: () => client.invalidateQueries({ queryKey: ["meetings"] }) });
}
