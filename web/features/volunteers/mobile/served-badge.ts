import { useMyServed } from "../api/served.ts";

/** The home tile 服务确认: shown while the merchant or resident has services received, badged with those to confirm. */
export function useServedBadge(enabled: boolean) {
  const mine = useMyServed(enabled);
  const rows = mine.data ?? [];
  const open = rows.filter((r) => r.confirmedAt === null).length;
  return { show: rows.length > 0, count: open || undefined };
}
