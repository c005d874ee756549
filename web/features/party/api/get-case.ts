import { useQuery } from "@tanstack/react-query";
import type { DevelopmentCase } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";

export function getCase(id: number): Promise<DevelopmentCase> {
  return api.get(`/api/party/cases/${id}`);
}

export function useCase(id: number) {
  return useQuery({ queryKey: ["party", "cases", "detail", id], queryFn: () => getCase(id), enabled: id > 0 });
}
