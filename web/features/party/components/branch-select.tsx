import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useBranches } from "../api/list-branches.ts";

/** The branches in the caller's scope; a general branch is shown with the org unit it belongs to. */
export function BranchSelect({
  value,
  onChange,
  allowClear,
  style,
  testId,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const { t } = useTranslation("party");
  const branches = useBranches();
  return (
    <Select
      allowClear={allowClear}
      placeholder={allowClear ? t("allBranches") : t("branch")}
      aria-label={t("branch")}
      style={style}
      loading={branches.isPending}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
      data-testid={testId}
    />
  );
}
