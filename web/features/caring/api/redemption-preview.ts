import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { redemptionInputSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { RedemptionPreview } from "./types.ts";

export type RedemptionInput = z.output<typeof redemptionInputSchema>;

/** What the sale would be: the holder, the shop's rate, the discount and what to pay. Records nothing. */
export function previewRedemption(input: RedemptionInput): Promise<RedemptionPreview> {
  return api.post("/api/caring/redemptions/preview", input);
}

export function usePreviewRedemption() {
  return useMutation({ mutationFn: previewRedemption });
}
