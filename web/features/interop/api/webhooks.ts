import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../contracts/common.ts";
import type { SmsMessage, smsMessageListQuery, Webhook, WebhookDelivery, webhookCreateSchema } from "../../../../contracts/interop.ts";
import { api, type Query } from "../../../app/api-client.ts";

export function useWebhooks() {
  return useQuery({ queryKey: ["interop", "webhooks"], queryFn: () => api.get<Webhook[]>("/api/interop/webhooks") });
}

export function useWebhookDeliveries(id: number | null) {
  return useQuery({
    queryKey: ["interop", "webhooks", id, "deliveries"],
    queryFn: () => api.get<WebhookDelivery[]>(`/api/interop/webhooks/${id}/deliveries`),
    enabled: id !== null,
  });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof webhookCreateSchema>) => api.post<Webhook & { secret: string }>("/api/interop/webhooks", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["interop", "webhooks"] }),
  });
}

export function useSetWebhookActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => api.post<Webhook>(`/api/interop/webhooks/${id}/active`, { active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["interop", "webhooks"] }),
  });
}

export function useSmsSettings(stationId: number | undefined) {
  return useQuery({
    queryKey: ["interop", "sms-settings", stationId],
    queryFn: () => api.get<{ kind: string; enabled: boolean }[]>("/api/interop/sms/settings", { stationId }),
    enabled: stationId !== undefined,
  });
}

export function useSetSmsSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { stationId: number; kind: string; enabled: boolean }) =>
      api.put<{ kind: string; enabled: boolean }[]>("/api/interop/sms/settings", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["interop", "sms-settings"] }),
  });
}

export type SmsMessageQuery = z.input<typeof smsMessageListQuery>;

/** A station's SMS messages, newest first, one page. */
export function useSmsMessages(query: SmsMessageQuery | null) {
  return useQuery({
    queryKey: ["interop", "sms-messages", query],
    queryFn: () => api.get<Page<SmsMessage>>("/api/interop/sms/messages", query as Query),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
