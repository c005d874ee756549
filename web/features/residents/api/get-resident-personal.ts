import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface ResidentPersonal {
  idNumber: string;
  mobile: string | null;
}

/** The unmasked ID and mobile numbers; the server records every such view in the audit log. */
export function getResidentPersonal(id: number): Promise<ResidentPersonal> {
  return api.get(`/api/residents/${id}/personal`);
}

/** One request per resident and minute, however many masked cells ask for it. */
export function useRevealResident() {
  const client = useQueryClient();
  return (id: number) =>
    client.fetchQuery({
      queryKey: ["residents", "personal", id],
      queryFn: () => getResidentPersonal(id),
      staleTime: 60_000,
      gcTime: 60_000,
    });
}
