import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { CaringFigures } from "./types.ts";

export function getCaringFigures(from: string, to: string): Promise<CaringFigures> {
  return api.get("/api/caring/figures", { from, to });
}

export function useCaringFigures(from: string, to: string) {
  return useQuery({ queryKey: ["caring", "figures", from, to], queryFn: () => getCaringFigures(from, to) });
}
