import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useMembers } from "../api/list-members.ts";

/** Pick members of a branch (full members only where the rules ask for them, e.g. contacts and introducers). */
export function MemberPicker({
  branchId,
  value,
  onChange,
  max,
  fullOnly,
  testId,
}: {
  branchId?: number;
  value?: number[];
  onChange?: (value: number[]) => void;
  max?: number;
  fullOnly?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation("party");
  const members = useMembers({ branchId, status: fullOnly ? "full" : undefined, page: 1, pageSize: 200 });
  return (
    <Select
      mode="multiple"
      maxCount={max}
      placeholder={t("case.pickMembers")}
      showSearch={{ optionFilterProp: "label" }}
      loading={members.isPending}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={(members.data?.items ?? [])
        .filter((m) => m.status !== "transferred_out")
        .map((m) => ({ value: m.id, label: `${m.name} · ${t(`role.${m.role}`)}` }))}
      data-testid={testId}
    />
  );
}
