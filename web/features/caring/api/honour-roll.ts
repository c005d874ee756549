import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { HonourRoll } from "./types.ts";

/** Public: winners by month, names masked by the server. */
export function getHonourRoll(stationId: number | undefined): Promise<HonourRoll> {
  return api.get("/api/public/honour-roll", { stationId }, { quiet401: true });
}

export function useHonourRoll(stationId: number | undefined) {
  return useQuery({ queryKey: ["caring", "honour", stationId], queryFn: () => getHonourRoll(stationId) });
}
