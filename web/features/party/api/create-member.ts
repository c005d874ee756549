import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Member, memberCreateSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export type MemberCreate = z.input<typeof memberCreateSchema>;

export function createMember(input: MemberCreate): Promise<Member> {
  return api.post("/api/party/members", input);
}

export function useCreateMember() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createMember, onSuccess: () => client.invalidateQueries({ queryKey: ["party"] }) });
}
