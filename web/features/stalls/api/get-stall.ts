import { useQuery } from "@tanstack/react-query";
import type { Stall } from "../../../../contracts/stalls.ts";
import { api } from "../../../app/api-client.ts";

export function getStall(id: number): Promise<Stall> {
  return api.get(`/api/stalls/${id}`);
}

export function useStall(id: number | null) {
  return useQuery({ queryKey: ["stalls", "detail", id], queryFn: () => getStall(id ?? 0), enabled: Boolean(id) });
}
