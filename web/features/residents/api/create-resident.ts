import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Resident, ResidentCreate } from "../../../../contracts/residents.ts";
import { api } from "../../../app/api-client.ts";

export function createResident(input: ResidentCreate): Promise<Resident> {
  return api.post("/api/residents", input);
}

export function useCreateResident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createResident,
    onSuccess: () => client.invalidateQueries({ queryKey: ["residents"] }),
  });
}
