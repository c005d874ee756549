import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Reweigh } from "./types.ts";

export function getMyReweighs(): Promise<Reweigh[]> {
  return api.get("/api/fair-scale/mine");
}

export function useMyReweighs() {
  return useQuery({ queryKey: ["fair-scale", "mine"], queryFn: getMyReweighs });
}
