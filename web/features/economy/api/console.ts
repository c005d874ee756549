// The console's queries and changes of the merchant economy: policies and their coverage, relief applications and
// their steps, the funding ledger, directed consumption's ranking and import, the merchant file.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type {
  Allocation,
  allocationCreateSchema,
  Coverage,
  Enterprise,
  Expenditure,
  enterpriseCreateSchema,
  enterpriseUpdateSchema,
  expenditureCreateSchema,
  FundingSource,
  fundingSourceCreateSchema,
  fundingSourceUpdateSchema,
  MarketMap,
  MerchantFile,
  Pledge,
  Policy,
  PurchaseImport,
  pledgeSetSchema,
  policyCreateSchema,
  Relief,
  ReliefStep,
  rankingSchema,
} from "../../../../contracts/economy.ts";
import { api, type Query, uploadFile, withQuery } from "../../../app/api-client.ts";

export type Ranking = z.infer<typeof rankingSchema>;

export const usePolicies = (query: Query) =>
  useQuery({ queryKey: ["economy", "policies", query], queryFn: () => api.get<Page<Policy>>("/api/policies", query) });

export const useCoverage = (policyId: number | null) =>
  useQuery({
    queryKey: ["economy", "coverage", policyId],
    queryFn: () => api.get<Coverage>(`/api/policies/${policyId}/coverage`),
    enabled: policyId !== null,
  });

export const useReliefs = (query: Query) =>
  useQuery({ queryKey: ["economy", "reliefs", query], queryFn: () => api.get<Page<Relief>>("/api/relief-applications", query) });

export function useReliefStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: ReliefStep }) => api.post<Relief>(`/api/relief-applications/${id}/steps`, step),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy"] }),
  });
}

export const useFundingSources = () =>
  useQuery({ queryKey: ["economy", "sources"], queryFn: () => api.get<FundingSource[]>("/api/funding-sources") });
export const useAllocations = () =>
  useQuery({ queryKey: ["economy", "allocations"], queryFn: () => api.get<Allocation[]>("/api/funding-allocations") });
export const useExpenditures = (query: Query) =>
  useQuery({ queryKey: ["economy", "expenditures", query], queryFn: () => api.get<Page<Expenditure>>("/api/funding-expenditures", query) });

export function useDecideExpenditure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: "approve" | "reject" }) =>
      api.post<Expenditure>(`/api/funding-expenditures/${id}/decision`, { decision }),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy"] }),
  });
}

export const useRanking = (month: string) =>
  useQuery({ queryKey: ["economy", "ranking", month], queryFn: () => api.get<Ranking>("/api/economy/ranking", { month }) });

export function useImportPurchases() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, query, onProgress }: { file: File; query: Query; onProgress: (percent: number) => void }) =>
      uploadFile<PurchaseImport>(withQuery("/api/purchases/import", query), file, onProgress),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy"] }),
  });
}

export const useMerchantFile = (id: number) =>
  useQuery({ queryKey: ["economy", "file", id], queryFn: () => api.get<MerchantFile>(`/api/merchants/${id}/file`) });

export const useMarketMap = () => useQuery({ queryKey: ["economy", "map"], queryFn: () => api.get<MarketMap>("/api/economy/map") });

/** A stall moved or resized on the plan (the stalls module's own edit, version-checked). */
export function useMoveStall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, x, y, w, h, version }: { id: number; x: number; y: number; w: number; h: number; version: number }) =>
      api.patch(`/api/stalls/${id}`, { x, y, w, h, version }),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy", "map"] }),
  });
}

export function useCreatePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof policyCreateSchema>) => api.post<Policy>("/api/policies", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy", "policies"] }),
  });
}

export function useMovePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: number; action: "open" | "close"; version: number }) =>
      api.post<Policy>(`/api/policies/${id}/status`, { action, version }),
    onSettled: () => client.invalidateQueries({ queryKey: ["economy"] }),
  });
}

// The ledger's and directed consumption's forms ---------------------------------------------------------------------

type Body<S extends z.ZodType> = z.output<S>;

/** A change that refreshes the economy's queries once it settles. */
function useEconomyChange<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: ["economy"] }) });
}

export const useCreateSource = () =>
  useEconomyChange((input: Body<typeof fundingSourceCreateSchema>) => api.post<FundingSource>("/api/funding-sources", input));
export const useUpdateSource = () =>
  useEconomyChange(({ id, input }: { id: number; input: Body<typeof fundingSourceUpdateSchema> }) =>
    api.patch<FundingSource>(`/api/funding-sources/${id}`, input),
  );
export const useAllocate = () =>
  useEconomyChange((input: Body<typeof allocationCreateSchema>) => api.post<Allocation[]>("/api/funding-allocations", input));
export const useSpend = () =>
  useEconomyChange((input: Body<typeof expenditureCreateSchema>) => api.post<Expenditure>("/api/funding-expenditures", input));

export const useEnterprises = (query: Query) =>
  useQuery({
    queryKey: ["economy", "enterprises", query],
    queryFn: () => api.get<Page<Enterprise>>("/api/enterprises", query),
    placeholderData: keepPreviousData,
  });
export const useCreateEnterprise = () =>
  useEconomyChange((input: Body<typeof enterpriseCreateSchema>) => api.post<Enterprise>("/api/enterprises", input));
export const useUpdateEnterprise = () =>
  useEconomyChange(({ id, input }: { id: number; input: Body<typeof enterpriseUpdateSchema> }) =>
    api.patch<Enterprise>(`/api/enterprises/${id}`, input),
  );
export const usePledges = (enterpriseId: number | null) =>
  useQuery({
    queryKey: ["economy", "pledges", enterpriseId],
    queryFn: () => api.get<Pledge[]>(`/api/enterprises/${enterpriseId}/pledges`),
    enabled: enterpriseId !== null,
  });
export const useSetPledge = () =>
  useEconomyChange(({ id, input }: { id: number; input: Body<typeof pledgeSetSchema> }) =>
    api.put(`/api/enterprises/${id}/pledges`, input),
  );

/** The station's projects an allocation may go to (the lists module's projects, read over the API). */
export const useProjectOptions = () =>
  useQuery({
    queryKey: ["economy", "projects"],
    queryFn: () => api.get<Page<{ id: number; name: string; stationId: number }>>("/api/projects", { pageSize: 100 }),
  });
