import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Member, memberUpdateSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type MemberUpdate = z.input<typeof memberUpdateSchema>;

export function updateMember({ id, input }: { id: number; input: MemberUpdate }): Promise<Member> {
  return api.patch(`/api/party/members/${id}`, input);
}

export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateMember, onSettled: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
