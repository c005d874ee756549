import { useQuery } from "@tanstack/react-query";
import type { Member } from "../../../contracts/party.ts";
import { ApiError, api } from "../../app/api-client.ts";

/** The signed-in user's own Party member record, or null when they are not a member (404). */
export async function getMyParty(): Promise<Member | null> {
  try {
    return await api.get<Member>("/api/me/party");
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useMyParty() {
  return useQuery({ queryKey: ["mobile", "party"], queryFn: getMyParty, retry: false });
}
