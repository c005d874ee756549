import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ApiKey, apiKeyCreatedSchema, apiKeyCreateSchema } from "../../../../contracts/interop.ts";
import { api } from "../../../app/api-client.ts";

export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;

export function useApiKeys() {
  return useQuery({ queryKey: ["interop", "api-keys"], queryFn: () => api.get<ApiKey[]>("/api/interop/api-keys") });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof apiKeyCreateSchema>) => api.post<ApiKeyCreated>("/api/interop/api-keys", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["interop"] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ApiKey>(`/api/interop/api-keys/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["interop"] }),
  });
}
