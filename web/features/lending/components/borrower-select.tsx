import { Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useBorrowers } from "../api/list-borrowers.ts";
import type { Borrower } from "../api/types.ts";

export type BorrowerValue = { kind: "resident" | "merchant"; id: number; name: string };

/** Residents and merchants of the station, searched by name (merchants also by operator), in two groups. */
export function BorrowerSelect({ value, onChange }: { value: BorrowerValue | null; onChange: (v: BorrowerValue | null) => void }) {
  const { t } = useTranslation("lending");
  const [q, setQ] = useState("");
  const borrowers = useBorrowers(q);
  const list = borrowers.data ?? [];
  const option = (b: Borrower) => ({
    value: `${b.kind}:${b.id}`,
    label: (
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
        <span>
          {b.name}
          <span style={{ color: "#666", fontSize: 12, marginLeft: 8 }}>{b.detail}</span>
        </span>
        {b.openLoans > 0 && <Tag color="blue">{t("desk.openLoans", { count: b.openLoans })}</Tag>}
      </div>
    ),
    name: b.name,
  });
  const groups = (["resident", "merchant"] as const)
    .map((kind) => ({ label: t(`borrowerKind.${kind}`), options: list.filter((b) => b.kind === kind).map(option) }))
    .filter((g) => g.options.length > 0);
  return (
    <Select
      size="large"
      style={{ width: "100%" }}
      placeholder={t("desk.borrowerPlaceholder")}
      aria-label={t("desk.borrowerPlaceholder")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={borrowers.isFetching}
      value={value ? `${value.kind}:${value.id}` : undefined}
      labelRender={() => (value ? `${value.name}（${t(`borrowerKind.${value.kind}`)}）` : null)}
      onChange={(v: string | undefined, opt) => {
        if (!v) return onChange(null);
        const [kind, id] = v.split(":");
        const name = (Array.isArray(opt) ? opt[0] : opt) as { name?: string } | undefined;
        onChange({ kind: kind as "resident" | "merchant", id: Number(id), name: name?.name ?? "" });
      }}
      allowClear
      options={groups}
      data-testid="desk-borrower"
    />
  );
}
