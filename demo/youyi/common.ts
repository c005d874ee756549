// What 友谊's area loaders share: time arithmetic in the station's clock, the alliance units' names, and the rows
// the entry reads once and hands to each loader.
import { stationInstant } from "../../contracts/calendar.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const iso = (t: number) => new Date(t).toISOString();
/** A station date and clock time as a UTC ISO instant. */
export const at = (date: string, time: string) => stationInstant(date, time).toISOString();
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export const PROPERTY = "克拉玛依友谊物业服务有限公司";
export const GRID = "银河路街道网格化服务管理中心";
export const SAMR = "区市场监督管理局";
export const HEALTH = "区卫生健康委员会";
export const HRSS = "区人力资源和社会保障局";
export const JUSTICE = "区司法局";

export type Admin = { id: number; name: string };
export type Merchant = { id: number; name: string; category: string; operator_name: string; mobile_enc: string | null };
export type Resident = { id: number; name: string; mobile_enc: string | null };
export type Stall = { id: number; code: string; merchant_id: number | null };
