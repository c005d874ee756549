import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { branchMeetingHoldSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";
import type { BranchMeeting } from "./types.ts";

export type BranchMeetingHold = z.input<typeof branchMeetingHoldSchema>;

/** Record the meeting as held: minutes, photos and who attended. */
export function holdBranchMeeting({ id, input }: { id: number; input: BranchMeetingHold }): Promise<BranchMeeting> {
  return api.post(`/api/party/meetings/${id}/hold`, input);
}

export function useHoldBranchMeeting() {
  const client = useQueryClient();
  return useMutation({ mutationFn: holdBranchMeeting, onSettled: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
