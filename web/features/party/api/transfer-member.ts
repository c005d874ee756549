import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Member, memberTransferSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type MemberTransfer = z.input<typeof memberTransferSchema>;

/** Transfer a member's organisational relationship out of the branch (转出). */
export function transferMember({ id, input }: { id: number; input: MemberTransfer }): Promise<Member> {
  return api.post(`/api/party/members/${id}/transfer`, input);
}

export function useTransferMember() {
  const client = useQueryClient();
  return useMutation({ mutationFn: transferMember, onSettled: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
