import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { RemindResult } from "./types.ts";

export function remindOverdue(): Promise<RemindResult> {
  return api.post("/api/lending/overdue/remind");
}

export function useRemindOverdue() {
  const client = useQueryClient();
  return useMutation({ mutationFn: remindOverdue, onSettled: () => client.invalidateQueries({ queryKey: ["lending"] }) });
}
