import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../app/api-client.ts";

export interface MyWechat {
  configured: boolean;
  bound: boolean;
  consentedAt: string | null;
}

export function useMySms() {
  return useQuery({ queryKey: ["me", "sms"], queryFn: () => api.get<{ optedOut: boolean }>("/api/me/sms") });
}

export function useSetSmsOptOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (optOut: boolean) => api.put<{ optedOut: boolean }>("/api/me/sms", { optOut }),
    onSuccess: (data) => client.setQueryData(["me", "sms"], data),
  });
}

export function useMyWechat() {
  return useQuery({ queryKey: ["me", "wechat"], queryFn: () => api.get<MyWechat>("/api/me/wechat") });
}

export function useBindWechat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; consent: boolean }) => api.put<MyWechat>("/api/me/wechat", input),
    onSuccess: (data) => client.setQueryData(["me", "wechat"], data),
  });
}

export function useUnbindWechat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<MyWechat>("/api/me/wechat"),
    onSuccess: (data) => client.setQueryData(["me", "wechat"], data),
  });
}

export interface MyCalendarFeed {
  path: string | null;
  createdAt: string | null;
  lastReadAt: string | null;
}

export function useMyCalendarFeed() {
  return useQuery({ queryKey: ["me", "calendar-feed"], queryFn: () => api.get<MyCalendarFeed>("/api/me/calendar-feed") });
}

export function useRenewCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MyCalendarFeed>("/api/me/calendar-feed"),
    onSuccess: (data) => client.setQueryData(["me", "calendar-feed"], data),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<MyCalendarFeed>("/api/me/calendar-feed"),
    onSuccess: (data) => client.setQueryData(["me", "calendar-feed"], data),
  });
}
