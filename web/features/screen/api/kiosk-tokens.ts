import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { KioskToken, KioskTokenCreated, kioskTokenCreateSchema } from "../../../../contracts/screen.ts";
import { api } from "../../../app/api-client.ts";

export function useKioskTokens() {
  return useQuery({ queryKey: ["screen", "tokens"], queryFn: () => api.get<KioskToken[]>("/api/screen/tokens") });
}

export function useCreateKioskToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof kioskTokenCreateSchema>) => api.post<KioskTokenCreated>("/api/screen/tokens", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["screen"] }),
  });
}

export function useRevokeKioskToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<KioskToken>(`/api/screen/tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["screen"] }),
  });
}
