import { useQuery } from "@tanstack/react-query";
import type { Member } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export function getMember(id: number): Promise<Member> {
  return api.get(`/api/party/members/${id}`);
}

export function useMember(id: number) {
  return useQuery({ queryKey: ["party", "members", "detail", id], queryFn: () => getMember(id), enabled: id > 0 });
}
