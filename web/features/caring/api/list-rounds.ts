import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { roundListQuery } from "../../../../contracts/caring.ts";
import type { Page } from "../../../../contracts/common.ts";
import { api, type Query } from "../../../app/api-client.ts";
import type { Round } from "./types.ts";

export type RoundListQuery = z.input<typeof roundListQuery>;

export function listRounds(query: RoundListQuery): Promise<Page<Round>> {
  return api.get("/api/caring/rounds", query as Query);
}

export function useRounds(query: RoundListQuery) {
  return useQuery({ queryKey: ["caring", "rounds", "list", query], queryFn: () => listRounds(query), placeholderData: keepPreviousData });
}
