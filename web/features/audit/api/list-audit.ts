import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditEntry, auditListQuery } from "../../../../contracts/audit.ts";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";

export type AuditListQuery = z.input<typeof auditListQuery>;

export function listAudit(query: AuditListQuery): Promise<Page<AuditEntry>> {
  return api.get("/api/audit", query as Query);
}

export function useAudit(query: AuditListQuery) {
  return useQuery({ queryKey: ["audit", "list", query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });
}
