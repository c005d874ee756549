import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { loanListQuery } from "../../../../contracts/lending.ts";
import { api, downloadFile, type Query } from "../../../app/api-client.ts";
import type { Loan } from "./types.ts";

export type LoanListQuery = z.input<typeof loanListQuery>;

export function listLoans(query: LoanListQuery): Promise<Page<Loan>> {
  return api.get("/api/lending/loans", query as Query);
}

export function useLoans(query: LoanListQuery) {
  return useQuery({ queryKey: ["lending", "loans", "list", query], queryFn: () => listLoans(query), placeholderData: keepPreviousData });
}

export function exportLoans(query: LoanListQuery): Promise<void> {
  const { page: _p, pageSize: _s, ...filter } = query;
  return downloadFile("/api/lending/loans/export", filter as Query, "loans.xlsx");
}
