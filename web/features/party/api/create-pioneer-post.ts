import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { pioneerPostCreateSchema } from "../../../../contracts/party.ts";
import { api } from "../../../app/api-client.ts";
import type { PioneerPost } from "./types.ts";

export type PioneerPostCreate = z.input<typeof pioneerPostCreateSchema>;

export function createPioneerPost(input: PioneerPostCreate): Promise<PioneerPost> {
  return api.post("/api/party/pioneer-posts", input);
}

export function useCreatePioneerPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createPioneerPost,
    onSuccess: () => client.invalidateQueries({ queryKey: ["party", "pioneer-posts"] }),
  });
}
