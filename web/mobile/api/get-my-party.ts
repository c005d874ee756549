import { useQuery } from "@tanstack/react-query";
import type { Member } from "../../../contracts/party.ts";
import { api } from "../../app/api-client.ts";

/** The signed-in user's own Party member record, or null when they are not a member. */
export function getMyParty(): Promise<Member | null> {
  return api.get<Member | null>("/api/me/party");
}

export function useMyParty() {
  return useQuery({ queryKey: ["mobile", "party"], queryFn: getMyParty, retry: false });
}
