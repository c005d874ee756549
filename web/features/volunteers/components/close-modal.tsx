import { Alert, App, Input, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useCloseOccurrence } from "../api/occurrences.ts";
import type { OccurrenceDetail } from "../api/types.ts";

/**
 * Withdraw an occurrence nobody signed up for, or cancel one people did (they are told): the kind follows the
 * live sign-ups, both need a reason and a confirmation.
 */
export function CloseModal({ occurrence, open, onClose }: { occurrence: OccurrenceDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("volunteers");
  const { message } = App.useApp();
  const close = useCloseOccurrence();
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const live = occurrence.signups.filter((s) => s.status === "signed_up" || s.status === "waitlisted").length;
  const kind = live > 0 ? "cancel" : "withdraw";

  useEffect(() => {
    if (!open) return;
    setReason("");
    setFailure(null);
  }, [open]);

  const submit = async () => {
    if (reason.trim().length < 2) {
      setFailure(t("close.reasonRequired"));
      return;
    }
    try {
      await close.mutateAsync({ id: occurrence.id, kind, reason: reason.trim() });
      message.success(t(`close.done.${kind}`));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t(`close.title.${kind}`)}
      onCancel={onClose}
      onOk={submit}
      okText={t(`close.confirm.${kind}`)}
      okButtonProps={{ danger: true, "data-testid": "close-ok" } as never}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t(`close.explain.${kind}`, { count: live, title: occurrence.title, date: occurrence.date })}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t("close.reasonPlaceholder")}
        aria-label={t("close.reason")}
        data-testid="close-reason"
      />
    </Modal>
  );
}
