import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Resident, ResidentUpdate } from "../../../../contracts/residents.ts";
import { api } from "../../../app/api-client.ts";

export function updateResident({ id, input }: { id: number; input: ResidentUpdate }): Promise<Resident> {
  return api.patch(`/api/residents/${id}`, input);
}

export function useUpdateResident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateResident,
    onSuccess: (resident) => {
      client.setQueryData(["residents", "detail", resident.id], resident);
      return client.invalidateQueries({ queryKey: ["residents"] });
    },
  });
}
