import { useMutation } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

/** The PIN a holder without a smartphone gives at the till with the printed card. */
export function setCardPin({ id, pin }: { id: number; pin: string }): Promise<unknown> {
  return api.post(`/api/caring/cards/${id}/pin`, { pin });
}

export function useSetCardPin() {
  return useMutation({ mutationFn: setCardPin });
}
