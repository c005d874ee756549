import { useQuery } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** The records a member can be linked to (not copied): a merchant, a resident or a user account. */
export type RecordKind = "merchants" | "residents" | "users";

export interface RecordOption {
  id: number;
  label: string;
}

export async function searchRecords(kind: RecordKind, q: string): Promise<RecordOption[]> {
  const page = await api.get<{ items: { id: number; name?: string; displayName?: string; username?: string }[] }>(`/api/${kind}`, {
    q: q || undefined,
    pageSize: 20,
  });
  return page.items.map((r) => ({
    id: r.id,
    label: kind === "users" ? `${r.displayName ?? ""}（${r.username ?? r.id}）` : (r.name ?? `#${r.id}`),
  }));
}

export function useRecordSearch(kind: RecordKind, q: string, enabled: boolean) {
  return useQuery({ queryKey: ["party", "records", kind, q], queryFn: () => searchRecords(kind, q), enabled, staleTime: 30_000 });
}
