import { useQuery } from "@tanstack/react-query";
import type { AllianceUnit } from "../../../../contracts/alliance-units.ts";
import { api } from "../../../app/api-client.ts";

export function getAllianceUnit(id: number): Promise<AllianceUnit> {
  return api.get(`/api/alliance-units/${id}`);
}

export function useAllianceUnit(id: number | null) {
  return useQuery({
    queryKey: ["alliance-units", "detail", id],
    queryFn: () => getAllianceUnit(id ?? 0),
    enabled: Boolean(id),
  });
}
