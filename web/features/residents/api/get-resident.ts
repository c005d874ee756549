import { useQuery } from "@tanstack/react-query";
import type { Resident } from "../../../../contracts/residents.ts";
import { api } from "../../../app/api-client.ts";

export function getResident(id: number): Promise<Resident> {
  return api.get(`/api/residents/${id}`);
}

export function useResident(id: number) {
  return useQuery({ queryKey: ["residents", "detail", id], queryFn: () => getResident(id), enabled: id > 0 });
}
