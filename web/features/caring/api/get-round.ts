import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Round } from "./types.ts";

export function getRound(id: number): Promise<Round> {
  return api.get(`/api/caring/rounds/${id}`);
}

export function useRound(id: number) {
  return useQuery({ queryKey: ["caring", "rounds", "one", id], queryFn: () => getRound(id), enabled: id > 0 });
}
