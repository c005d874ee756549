import { Button, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useConfirmAttendance } from "../api/roster.ts";
import type { Signup } from "../api/types.ts";

/** The day before: asked to confirm, the volunteer says they come (once); afterwards it reads 已确认参加. */
export function ConfirmAttendance({ signup }: { signup: Signup }) {
  const { t } = useTranslation("volunteers");
  const confirm = useConfirmAttendance();
  if (signup.status !== "signed_up" || !signup.confirmationAskedAt) return null;
  if (signup.confirmedAt)
    return (
      <Tag color="success" fill="outline" data-testid={`attendance-confirmed-${signup.occurrenceId}`}>
        {t("m.attendance.confirmed")}
      </Tag>
    );
  const run = async () => {
    try {
      await confirm.mutateAsync(signup.id);
      Toast.show({ icon: "success", content: t("m.attendance.done") });
    } catch (error) {
      Toast.show({ icon: "fail", content: errorMessage(error) });
    }
  };
  return (
    <Button
      size="small"
      color="warning"
      onClick={run}
      loading={confirm.isPending}
      data-testid={`attendance-confirm-${signup.occurrenceId}`}
    >
      {t("m.attendance.confirm")}
    </Button>
  );
}
