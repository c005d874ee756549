import { useQuery } from "@tanstack/react-query";
import type { Resident } from "../../../contracts/residents.ts";
import { api } from "../../app/api-client.ts";

/** The signed-in resident's own record (`self.read`; `/api/residents/:id` needs `resident.read`). */
export function getMyResident(): Promise<Resident> {
  return api.get("/api/me/resident");
}

export function useMyResident(enabled: boolean) {
  return useQuery({ queryKey: ["mobile", "resident"], queryFn: getMyResident, enabled });
}
