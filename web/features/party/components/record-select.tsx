import { Select } from "antd";
import { useState } from "react";
import { type RecordKind, useRecordSearch } from "../api/search-records.ts";

/** Search a merchant, resident or user record and link to it by id. */
export function RecordSelect({
  kind,
  value,
  onChange,
  initialLabel,
  placeholder,
  testId,
}: {
  kind: RecordKind;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
  testId?: string;
}) {
  const [q, setQ] = useState("");
  const search = useRecordSearch(kind, q, true);
  const items = (search.data ?? []).map((o) => ({ value: o.id, label: o.label }));
  if (value && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel ?? `#${value}` });
  return (
    <Select
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={items}
      data-testid={testId}
    />
  );
}
