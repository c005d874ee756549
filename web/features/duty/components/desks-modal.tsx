import { Alert, App, InputNumber, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../app/api-client.ts";
import { useDutySettings } from "../api/roster.ts";
import { useSetDesks } from "../api/shift-actions.ts";
import type { Roster } from "../api/types.ts";

/** How many desks the station has for departments sitting on one day (the calendar refuses more shifts on a day). */
export function DesksModal({ open, onClose, roster }: { open: boolean; onClose: () => void; roster: Roster }) {
  const { t } = useTranslation("duty");
  const { message } = App.useApp();
  const settings = useDutySettings(open ? roster.stationId : undefined);
  const setDesks = useSetDesks();
  const [value, setValue] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const desks = value ?? settings.data?.desks ?? roster.desks;
  const submit = async () => {
    setFailure(null);
    try {
      await setDesks.mutateAsync({ desks, stationId: roster.stationId });
      message.success(t("desks.saved", { desks }));
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("desks.title")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      confirmLoading={setDesks.isPending}
      destroyOnHidden
      afterClose={() => setValue(null)}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t("desks.hint")}</Typography.Paragraph>
      <Space align="center">
        <InputNumber min={1} max={20} value={desks} onChange={(v) => setValue(v ?? 1)} data-testid="desks-input" />
        <span>{t("desks.unit")}</span>
      </Space>
      {settings.data?.busiest && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("desks.busiest", { date: settings.data.busiest.date, count: settings.data.busiest.count })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
