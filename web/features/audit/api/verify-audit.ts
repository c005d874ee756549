import { useMutation } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: { seq: number; kind: string; message: string }[];
}

/** Walk the hash chain on the server; a break shows where entries were altered or removed. */
export function verifyAudit(): Promise<AuditVerifyResult> {
  return api.get("/api/audit/verify");
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
