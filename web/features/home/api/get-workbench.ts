import { useQuery } from "@tanstack/react-query";
import type { Workbench } from "../../../../contracts/workbench.ts";
import { api } from "../../../app/api-client.ts";

export function getWorkbench(stationId?: number): Promise<Workbench> {
  return api.get("/api/me/workbench", { stationId });
}

/** What waits for the signed-in account, refreshed every minute while the home page is open. */
export function useWorkbench(stationId?: number) {
  return useQuery({ queryKey: ["workbench", stationId ?? null], queryFn: () => getWorkbench(stationId), refetchInterval: 60_000 });
}
