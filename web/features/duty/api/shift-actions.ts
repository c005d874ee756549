import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  dutySettingsUpdateSchema,
  ruleCreateSchema,
  rulePreviewInput,
  shiftCreateSchema,
  shiftUpdateSchema,
} from "../../../../contracts/duty.ts";
import { api } from "../../../app/api-client.ts";
import type { DutyRule, DutySettings, RulePreview, Shift } from "./types.ts";

function useDutyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: ["duty"] }) });
}

export const createShift = (input: z.input<typeof shiftCreateSchema>): Promise<Shift> => api.post("/api/duty/shifts", input);
export const useCreateShift = () => useDutyMutation(createShift);

export const updateShift = ({ id, patch }: { id: number; patch: z.input<typeof shiftUpdateSchema> }): Promise<Shift> =>
  api.patch(`/api/duty/shifts/${id}`, patch);
export const useUpdateShift = () => useDutyMutation(updateShift);

export const deleteShift = ({ id, version }: { id: number; version: number }): Promise<{ ok: true }> =>
  api.delete(`/api/duty/shifts/${id}?version=${version}`);
export const useDeleteShift = () => useDutyMutation(deleteShift);

export const setDesks = (input: z.input<typeof dutySettingsUpdateSchema>): Promise<DutySettings> => api.put("/api/duty/settings", input);
export const useSetDesks = () => useDutyMutation(setDesks);

export const previewRule = (input: z.input<typeof rulePreviewInput>): Promise<RulePreview> => api.post("/api/duty/rules/preview", input);
export const usePreviewRule = () => useMutation({ mutationFn: previewRule });

export const createRule = (
  input: z.input<typeof ruleCreateSchema>,
): Promise<{ rule: DutyRule; created: number; skipped: { date: string; status: string }[] }> => api.post("/api/duty/rules", input);
export const useCreateRule = () => useDutyMutation(createRule);
