import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { cardIssueSchema } from "../../../../contracts/caring.ts";
import { api } from "../../../app/api-client.ts";
import type { Card } from "./types.ts";

export function issueCard(input: z.output<typeof cardIssueSchema>): Promise<Card> {
  return api.post("/api/caring/cards", input);
}

export function useIssueCard() {
  const client = useQueryClient();
  return useMutation({ mutationFn: issueCard, onSuccess: () => client.invalidateQueries({ queryKey: ["caring", "cards"] }) });
}
