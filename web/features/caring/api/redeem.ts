import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";
import type { RedemptionInput } from "./redemption-preview.ts";
import type { Redemption } from "./types.ts";

/** Records the sale; `idempotencyKey` is one uuid per confirm, so a retried request is recorded once. */
export function redeem({ input, idempotencyKey }: { input: RedemptionInput; idempotencyKey: string }): Promise<Redemption> {
  return api.post("/api/caring/redemptions", input, { headers: { "Idempotency-Key": idempotencyKey } });
}

export function useRedeem() {
  const client = useQueryClient();
  return useMutation({ mutationFn: redeem, onSettled: () => client.invalidateQueries({ queryKey: ["caring", "me", "shop"] }) });
}
