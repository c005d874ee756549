import { Select } from "antd";
import { useState } from "react";
import { type LinkKind, useLinkOptions } from "../api/search-link-options.ts";

/** A searchable picker for the record an account stands for. */
export function LinkSelect({
  kind,
  value,
  onChange,
  initialLabel,
  placeholder,
}: {
  kind: LinkKind;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initialLabel?: string | null;
  placeholder?: string;
}) {
  const [q, setQ] = useState("");
  const options = useLinkOptions(kind, q, true);
  const items = (options.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && !items.some((o) => o.value === value)) items.unshift({ value, label: initialLabel ?? `#${value}` });
  return (
    <Select
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={options.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={items}
    />
  );
}
