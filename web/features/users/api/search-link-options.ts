import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** What an account can be linked to: an alliance unit, a merchant or a resident record. */
export type LinkKind = "alliance-units" | "merchants" | "residents";

export interface LinkOption {
  id: number;
  name: string;
}

export function searchLinkOptions(kind: LinkKind, q: string): Promise<{ items: LinkOption[] }> {
  return api.get(`/api/${kind}`, { q: q || undefined, pageSize: 20 });
}

export function useLinkOptions(kind: LinkKind, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["users", "link-options", kind, q],
    queryFn: () => searchLinkOptions(kind, q),
    enabled,
    staleTime: 30_000,
  });
}
