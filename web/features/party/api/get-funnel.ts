import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { Funnel } from "./types.ts";

export function getFunnel(orgUnitId?: number): Promise<Funnel> {
  return api.get("/api/party/funnel", { orgUnitId });
}

export function useFunnel(orgUnitId?: number) {
  return useQuery({ queryKey: ["party", "funnel", orgUnitId ?? null], queryFn: () => getFunnel(orgUnitId) });
}
