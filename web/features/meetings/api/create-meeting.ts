import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Meeting, meetingCreateSchema } from "../../../../contracts/meetings.ts";
import { api } from "../../../app/api-client.ts";

export type MeetingCreate = z.input<typeof meetingCreateSchema>;

export function createMeeting(input: MeetingCreate): Promise<Meeting> {
  return api.post("/api/meetings", input);
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createMeeting, onSuccess: () => client.invalidateQueries({ queryKey: ["meetings"] }) });
}
