import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Round } from "./types.ts";

/** Rounds open for nominations or in publicity, for anyone who may nominate or object (names masked). */
export function getMyRounds(): Promise<Round[]> {
  return api.get("/api/me/rounds");
}

export function useMyRounds() {
  return useQuery({ queryKey: ["caring", "rounds", "me"], queryFn: getMyRounds });
}
