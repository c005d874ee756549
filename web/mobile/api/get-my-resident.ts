import { useQuery } from "@tanstack/react-query";
import type { Resident } from "../../../contracts/residents.ts";
import { api } from "../../app/api-client.ts";

/** A resident account's own record (the server limits residents to it). */
export function getMyResident(id: number): Promise<Resident> {
  return api.get(`/api/residents/${id}`);
}

export function useMyResident(id: number | null) {
  return useQuery({ queryKey: ["mobile", "resident", id], queryFn: () => getMyResident(id ?? 0), enabled: Boolean(id) });
}
