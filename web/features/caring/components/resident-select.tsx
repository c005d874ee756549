import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useResidents } from "../../../api/list-residents.ts";

/** Pick a resident from the registry by typing a name (the server searches). */
export function ResidentSelect({
  value,
  onChange,
  testId,
  elderlyOnly,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  testId?: string;
  elderlyOnly?: boolean;
}) {
  const { t } = useTranslation("caring");
  const [q, setQ] = useState("");
  const residents = useResidents({ page: 1, pageSize: 30, q: q || undefined } as never);
  const items = (residents.data?.items ?? []).filter((r) => !elderlyOnly || r.isElderly || r.livesAlone);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v?: number) => onChange?.(v)}
      loading={residents.isFetching}
      placeholder={t("residentPlaceholder")}
      data-testid={testId}
      notFoundContent={t("noResident")}
      options={items.map((r) => ({
        value: r.id,
        label: [r.name, r.address ?? r.grid].filter(Boolean).join(" · "),
      }))}
    />
  );
}
