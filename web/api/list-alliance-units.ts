import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AllianceUnit, allianceUnitListQuery } from "../../contracts/alliance-units.ts";
import type { Page } from "../../contracts/common.ts";
import { api, type Query } from "../app/api-client.ts";

export type AllianceUnitListQuery = z.input<typeof allianceUnitListQuery>;

export function listAllianceUnits(query: AllianceUnitListQuery): Promise<Page<AllianceUnit>> {
  return api.get("/api/alliance-units", query as Query);
}

export function useAllianceUnits(query: AllianceUnitListQuery) {
  return useQuery({
    queryKey: ["alliance-units", "list", query],
    queryFn: () => listAllianceUnits(query),
    placeholderData: keepPreviousData,
  });
}
