import dayjs from "dayjs";

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format("YYYY-MM-DD") : "—";
}

export function dash(value: string | number | null | undefined): string | number {
  return value === null || value === undefined || value === "" ? "—" : value;
}
