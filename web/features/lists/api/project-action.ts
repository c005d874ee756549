import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Project, projectActionSchema } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export type ProjectAction = z.input<typeof projectActionSchema>;

export function actOnProject({ id, input }: { id: number; input: ProjectAction }): Promise<Project> {
  return api.post(`/api/projects/${id}/actions`, input);
}

export function useProjectAction() {
  const client = useQueryClient();
  return useMutation({ mutationFn: actOnProject, onSettled: () => client.invalidateQueries({ queryKey: ["projects"] }) });
}
