import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Project, projectCreateSchema } from "../../../../contracts/lists.ts";
import { api } from "../../../app/api-client.ts";

export type ProjectCreate = z.input<typeof projectCreateSchema>;

export function createProject(input: ProjectCreate): Promise<Project> {
  return api.post("/api/projects", input);
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["projects"] }), client.invalidateQueries({ queryKey: ["needs"] })]),
  });
}
