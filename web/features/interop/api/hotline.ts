import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type {
  HotlineAction,
  HotlineCategoryMapping,
  HotlineFigures,
  HotlineOrder,
  hotlineCategoryMapInSchema,
  hotlineListQuery,
} from "../../../../contracts/interop.ts";
import type { ProblemCategory } from "../../../../contracts/problems.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type HotlineListQuery = z.input<typeof hotlineListQuery>;

export function useHotlineOrders(query: HotlineListQuery) {
  return useQuery({
    queryKey: ["hotline", "orders", query],
    queryFn: () => api.get<Page<HotlineOrder>>("/api/hotline/orders", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useHotlineFigures(query: { stationId?: number }) {
  return useQuery({
    queryKey: ["hotline", "figures", query],
    queryFn: () => api.get<HotlineFigures>("/api/hotline/figures", query as Query),
  });
}

export function useHotlineAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: HotlineAction }) => api.post<HotlineOrder>(`/api/hotline/orders/${id}/actions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hotline"] }),
  });
}

export function useCategoryMap() {
  return useQuery({ queryKey: ["hotline", "category-map"], queryFn: () => api.get<HotlineCategoryMapping[]>("/api/hotline/category-map") });
}

export function useMapCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof hotlineCategoryMapInSchema>) =>
      api.put<HotlineCategoryMapping[]>("/api/hotline/category-map", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["hotline", "category-map"] }),
  });
}

/** The problem categories a hotline category may map to. */
export function useProblemCategories() {
  return useQuery({
    queryKey: ["problem-categories"],
    queryFn: () => api.get<ProblemCategory[]>("/api/problem-categories"),
    staleTime: 5 * 60_000,
  });
}
