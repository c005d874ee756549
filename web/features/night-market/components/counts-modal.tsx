import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { countMethods, weathers } from "../../../../contracts/night-market.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import type { NightReport } from "../api/types.ts";

export interface CountsValue {
  weather?: string | null;
  counts: { entrance: string; method: string; visitorsIn: number; visitorsOut: number }[];
  reason?: string;
}

/** Entrance counts (with the method) and the weather of a night; with `correction`, a reason is asked for too. */
export function CountsModal({
  open,
  onClose,
  onSubmit,
  report,
  correction,
  busy,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (v: CountsValue) => Promise<unknown>;
  report: NightReport | null;
  correction?: boolean;
  busy?: boolean;
}) {
  const { t } = useTranslation("night-market");
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const initial = {
    weather: report?.weather ?? "clear",
    counts: report?.counts.length
      ? report.counts
      : ["东门", "西门", "北门"].map((entrance) => ({ entrance, method: "clicker", visitorsIn: 0, visitorsOut: 0 })),
  };
  const submit = async () => {
    const v = form.getFieldsValue() as CountsValue;
    try {
      await onSubmit({ ...v, counts: v.counts.map((c) => ({ ...c, visitorsIn: c.visitorsIn ?? 0, visitorsOut: c.visitorsOut ?? 0 })) });
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={correction ? t("nights.correct") : t("board.counts")}
      width={640}
      destroyOnHidden
      footer={null}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false} onFinish={submit}>
        <Form.Item name="weather" label={t("field.weather")}>
          <Select style={{ width: 140 }} options={weathers.map((w) => ({ value: w, label: t(`weather.${w}`) }))} />
        </Form.Item>
        <Form.List name="counts">
          {(fields) =>
            fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, "entrance"]} label={t("field.entrance")}>
                  <Input style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[f.name, "method"]} label={t("field.method")}>
                  <Select style={{ width: 110 }} options={countMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, "visitorsIn"]} label={t("field.visitorsIn")}>
                  <InputNumber min={0} style={{ width: 110 }} data-testid={`count-in-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, "visitorsOut"]} label={t("field.visitorsOut")}>
                  <InputNumber min={0} style={{ width: 110 }} data-testid={`count-out-${f.name}`} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        {correction && (
          <Form.Item name="reason" label={t("field.correction")} required>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
        <Space style={{ justifyContent: "flex-end", width: "100%" }}>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="counts-save">
            {t("common:action.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
