import { useQuery } from "@tanstack/react-query";
import type { HomeCounts } from "../../../../contracts/org.ts";
import { api } from "../../../app/api-client.ts";

export function getHome(stationId?: number): Promise<HomeCounts> {
  return api.get("/api/home", { stationId });
}

export function useHome(stationId?: number) {
  return useQuery({ queryKey: ["home", stationId ?? null], queryFn: () => getHome(stationId) });
}
