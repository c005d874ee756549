import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** Run the overdue escalation now (it also runs on a schedule): overdue problems go onto the next joint meeting. */
export function escalateProblems(): Promise<{ escalated: number }> {
  return api.post("/api/problems/escalate");
}

export function useEscalateProblems() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: escalateProblems,
    onSuccess: () => client.invalidateQueries({ queryKey: ["problems"] }),
  });
}
