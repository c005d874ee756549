import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMerchants } from "../../../api/list-merchants.ts";
import { useResidents } from "../../../api/list-residents.ts";

interface PickerProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  testId?: string;
}

function Picker({
  options,
  loading,
  placeholder,
  onSearch,
  value,
  onChange,
  testId,
}: PickerProps & { options: { value: number; label: string }[]; loading: boolean; placeholder: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation("counter");
  return (
    <Select
      showSearch={{ filterOption: false, onSearch }}
      allowClear
      value={value}
      onChange={(v?: number) => onChange?.(v)}
      loading={loading}
      placeholder={placeholder}
      data-testid={testId}
      notFoundContent={t("walkIn.nobody")}
      options={options}
    />
  );
}

function MerchantPicker(props: PickerProps) {
  const { t } = useTranslation("counter");
  const [q, setQ] = useState("");
  const merchants = useMerchants({ page: 1, pageSize: 30, q: q || undefined } as never);
  const options = (merchants.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.operatorName}` }));
  return <Picker {...props} options={options} loading={merchants.isFetching} placeholder={t("walkIn.pickMerchant")} onSearch={setQ} />;
}

function ResidentPicker(props: PickerProps) {
  const { t } = useTranslation("counter");
  const [q, setQ] = useState("");
  const residents = useResidents({ page: 1, pageSize: 30, q: q || undefined } as never);
  const options = (residents.data?.items ?? []).map((r) => ({ value: r.id, label: [r.name, r.address].filter(Boolean).join(" · ") }));
  return <Picker {...props} options={options} loading={residents.isFetching} placeholder={t("walkIn.pickResident")} onSearch={setQ} />;
}

/** Pick a registered merchant or resident by typing a name (the server searches). */
export function ApplicantSelect({ kind, ...props }: PickerProps & { kind: "merchant" | "resident" }) {
  return kind === "merchant" ? <MerchantPicker {...props} /> : <ResidentPicker {...props} />;
}
