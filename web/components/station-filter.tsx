// The station column and filter of lists whose rows belong to a station: shown only to accounts that see more
// than one station (the district, the platform admin); a station's own staff see neither.
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../app/session.tsx";
import type { QueryField } from "./query-form.tsx";

/** The stations the account sees, when there is more than one; empty otherwise. */
export function useStations() {
  const me = useMe();
  return me.stations.length > 1 ? me.stations : [];
}

/** Wide enough for a station's name of nine characters (天源市场党群服务站); longer ones end in … with a tooltip. */
export const STATION_COLUMN_WIDTH = 150;

/** A table column naming each row's station (by `stationId`, or `stationName` when the row has it). */
export function useStationColumn<T extends { stationId?: number | null; stationName?: string }>() {
  const { t } = useTranslation();
  const stations = useStations();
  if (stations.length === 0) return [];
  const names = new Map(stations.map((s) => [s.id, s.name]));
  return [
    {
      title: t("list.station"),
      key: "station",
      width: STATION_COLUMN_WIDTH,
      ellipsis: { showTitle: true },
      render: (_: unknown, row: T) => row.stationName ?? (row.stationId ? (names.get(row.stationId) ?? "—") : "—"),
    },
  ];
}

export function StationFilter({
  value,
  onChange,
  width = 190,
}: {
  value?: string | number;
  /** Set by the query form's field when the filter sits in one. */
  onChange?: (value?: number) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const stations = useStations();
  if (stations.length === 0) return null;
  return (
    <Select
      allowClear
      data-testid="station-filter"
      aria-label={t("list.station")}
      style={{ width }}
      placeholder={t("list.allStations")}
      value={value === undefined || value === "" ? undefined : Number(value)}
      onChange={(v?: number) => onChange?.(v)}
      options={stations.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}

/**
 * The query form's station field (`stationId` in the address), for accounts that see more than one station; none
 * for a station's own staff.
 */
export function useStationField(): QueryField[] {
  const { t } = useTranslation();
  const stations = useStations();
  return stations.length > 0 ? [{ name: "stationId", label: t("list.station"), input: <StationFilter /> }] : [];
}
