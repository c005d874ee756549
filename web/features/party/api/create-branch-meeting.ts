import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { branchMeetingCreateSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";
import type { BranchMeeting } from "./types.ts";

export type BranchMeetingCreate = z.input<typeof branchMeetingCreateSchema>;

export function createBranchMeeting(input: BranchMeetingCreate): Promise<BranchMeeting> {
  return api.post("/api/party/meetings", input);
}

export function useCreateBranchMeeting() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createBranchMeeting, onSuccess: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
