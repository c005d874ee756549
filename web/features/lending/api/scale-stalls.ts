import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { ScaleStall } from "./types.ts";

/** The station's stalls with their merchant, to say where the goods were bought. */
export function getScaleStalls(): Promise<ScaleStall[]> {
  return api.get("/api/fair-scale/stalls");
}

export function useScaleStalls() {
  return useQuery({ queryKey: ["fair-scale", "stalls"], queryFn: getScaleStalls, staleTime: 5 * 60_000 });
}
