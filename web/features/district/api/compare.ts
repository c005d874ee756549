import { useQuery } from "@tanstack/react-query";
import type { FigureComparison, FigureDefinitionInfo } from "../../../../contracts/figures.ts";
import { api } from "../../../app/api-client.ts";

export function getComparison(query: { scope?: string; period?: string }): Promise<FigureComparison> {
  return api.get("/api/figures/compare", query);
}

export function useComparison(query: { scope?: string; period?: string }) {
  return useQuery({ queryKey: ["district", "compare", query], queryFn: () => getComparison(query) });
}

export function listFigureDefinitions(): Promise<FigureDefinitionInfo[]> {
  return api.get("/api/figures");
}

export function useFigureDefinitions() {
  return useQuery({ queryKey: ["district", "figure-definitions"], queryFn: listFigureDefinitions, staleTime: 10 * 60_000 });
}
