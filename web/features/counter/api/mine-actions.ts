import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { applicantCancelSchema, ratingCreateSchema } from "../../../../contracts/counter.ts";
import { api } from "../../../app/api-client.ts";
import type { ServiceRequestDetail } from "./types.ts";

export function cancelMyRequest(id: number, input: z.output<typeof applicantCancelSchema>): Promise<ServiceRequestDetail> {
  return api.post(`/api/me/service-requests/${id}/cancel`, input);
}

export function rateMyRequest(id: number, input: z.output<typeof ratingCreateSchema>): Promise<ServiceRequestDetail> {
  return api.post(`/api/me/service-requests/${id}/rating`, input);
}

export function useCancelMyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: z.output<typeof applicantCancelSchema> }) => cancelMyRequest(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }),
  });
}

export function useRateMyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: z.output<typeof ratingCreateSchema> }) => rateMyRequest(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }),
  });
}
