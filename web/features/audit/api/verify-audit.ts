import { useMutation } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** How many chains were walked (a station's shards and the platform's, server/platform/audit.ts). */
  chains: number;
  problems: { seq: number; chain: number; kind: string; message: string }[];
}

/** Walk every hash chain on the server; a break shows where entries were altered or removed. */
export function verifyAudit(): Promise<AuditVerifyResult> {
  return api.get("/api/audit/verify");
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
