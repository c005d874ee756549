import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { deliveryConfirmSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";

export function confirmDelivery(input: z.output<typeof deliveryConfirmSchema>): Promise<unknown> {
  return api.post("/api/caring/meals/deliveries", input);
}

export function useConfirmDelivery() {
  const client = useQueryClient();
  return useMutation({ mutationFn: confirmDelivery, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "meals"] }) });
}
