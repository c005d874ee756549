// The station column and filter of lists whose rows belong to a station: shown only to accounts that see more
// than one station (the district, the platform admin); a station's own staff see neither.
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../app/session.tsx";

/** The stations the account sees, when there is more than one; empty otherwise. */
export function useStations() {
  const me = useMe();
  return me.stations.length > 1 ? me.stations : [];
}

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
      width: 170,
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
  onChange: (value?: number) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const stations = useStations();
  if (stations.length === 0) return null;
  return (
    <Select
      allowClear
      data-testid="station-filter"
      style={{ width }}
      placeholder={t("list.allStations")}
      value={value === undefined || value === "" ? undefined : Number(value)}
      onChange={(v?: number) => onChange(v)}
      options={stations.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
