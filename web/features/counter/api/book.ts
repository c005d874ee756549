import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { bookingCreateSchema } from "../../../../contracts/counter.ts";
import { api } from "../../../app/api-client.ts";
import type { ServiceRequestDetail } from "./types.ts";

export function bookService(input: z.output<typeof bookingCreateSchema>): Promise<ServiceRequestDetail> {
  return api.post("/api/services/bookings", input);
}

export function useBookService() {
  const client = useQueryClient();
  return useMutation({ mutationFn: bookService, onSuccess: () => client.invalidateQueries({ queryKey: ["counter"] }) });
}
