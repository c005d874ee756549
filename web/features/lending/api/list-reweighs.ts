import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { reweighListQuery } from "../../../../contracts/lending.ts";
import { api, downloadFile, type Query } from "../../../app/api-client.ts";
import type { Reweigh } from "./types.ts";

export type ReweighListQuery = z.input<typeof reweighListQuery>;

export function listReweighs(query: ReweighListQuery): Promise<Page<Reweigh>> {
  return api.get("/api/fair-scale/reweighs", query as Query);
}

export function useReweighs(query: ReweighListQuery) {
  return useQuery({ queryKey: ["fair-scale", "reweighs", query], queryFn: () => listReweighs(query), placeholderData: keepPreviousData });
}

export function exportReweighs(query: ReweighListQuery): Promise<void> {
  const { page: _p, pageSize: _s, ...filter } = query;
  return downloadFile("/api/fair-scale/reweighs/export", filter as Query, "reweighs.xlsx");
}
