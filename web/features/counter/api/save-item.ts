import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { serviceItemCreateSchema, serviceItemUpdateSchema } from "../../../../contracts/counter.ts";
import { api } from "../../../app/api-client.ts";
import type { ServiceItem } from "./types.ts";

export function createServiceItem(input: z.output<typeof serviceItemCreateSchema>): Promise<ServiceItem> {
  return api.post("/api/services/items", input);
}

export function updateServiceItem(id: number, patch: z.output<typeof serviceItemUpdateSchema>): Promise<ServiceItem> {
  return api.patch(`/api/services/items/${id}`, patch);
}

export function useCreateServiceItem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createServiceItem, onSuccess: () => client.invalidateQueries({ queryKey: ["counter", "items"] }) });
}

export function useUpdateServiceItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: z.output<typeof serviceItemUpdateSchema> }) => updateServiceItem(id, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }),
  });
}
