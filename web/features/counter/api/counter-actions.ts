import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { RequestActionInput, walkInCreateSchema } from "../../../../contracts/counter.ts";
import { api } from "../../../app/api-client.ts";
import type { ServiceRequestDetail } from "./types.ts";

export function requestAction(id: number, input: RequestActionInput): Promise<ServiceRequestDetail> {
  return api.post(`/api/services/requests/${id}/actions`, input);
}

export function walkIn(input: z.output<typeof walkInCreateSchema>): Promise<ServiceRequestDetail> {
  return api.post("/api/services/walk-ins", input);
}

export function callNext(stationId?: number): Promise<ServiceRequestDetail> {
  return api.post("/api/services/counter/call-next", stationId === undefined ? {} : { stationId });
}

export function useRequestAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: RequestActionInput }) => requestAction(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }),
  });
}

export function useWalkIn() {
  const client = useQueryClient();
  return useMutation({ mutationFn: walkIn, onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }) });
}

export function useCallNext() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (stationId?: number) => callNext(stationId),
    onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }),
  });
}
