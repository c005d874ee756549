import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, InputNumber, Modal, Slider, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Project, projectActionSchema } from "../../../../contracts/lists.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useProjectAction } from "../api/project-action.ts";

export type ProjectModalAction = "progress" | "outcomes" | "complete" | "cancel";

/** Progress (note + percent), outcome figures (label, value, unit; money in fen), completion, cancellation. */
export function ProjectActionModal({
  project,
  action,
  onClose,
}: {
  project: Project;
  action: ProjectModalAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("lists");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mutation = useProjectAction();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ percent: project.percent, outcomes: project.outcomes.map((o) => ({ ...o })) });
  }, [action, form, project]);

  const submit = async () => {
    if (!action) return;
    setFailure(null);
    const v = form.getFieldsValue();
    const base = { action, version: project.version };
    const input =
      action === "progress"
        ? { ...base, note: v.note ?? "", percent: v.percent ?? 0 }
        : action === "cancel"
          ? { ...base, reason: v.reason ?? "" }
          : {
              ...base,
              outcomes: (v.outcomes ?? []).map((o: { label?: string; value?: number; unit?: string }) => ({
                label: o?.label ?? "",
                value: o?.value ?? 0,
                unit: o?.unit ?? "",
              })),
            };
    const checked = validateWith(projectActionSchema, input, form);
    if (!checked.ok) return;
    try {
      await mutation.mutateAsync({ id: project.id, input: checked.data });
      message.success(t("common:saved"));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") setFailure(`${error.message} ${t("conflictReload")}`);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`project.action.${action}`) : ""}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: action === "cancel" }}
      width={action === "outcomes" || action === "complete" ? 640 : 480}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {action === "progress" && (
          <>
            <Form.Item name="percent" label={t("project.percent")} required>
              <Slider marks={{ 0: "0%", 50: "50%", 100: "100%" }} />
            </Form.Item>
            <Form.Item name="note" label={t("project.update")} required>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </>
        )}
        {action === "cancel" && (
          <Form.Item name="reason" label={t("project.reason")} required>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {(action === "outcomes" || action === "complete") && (
          <Form.Item label={t("project.outcomes")} extra={t("project.outcomesHint")}>
            <Form.List name="outcomes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" style={{ display: "flex" }}>
                      <Form.Item name={[field.name, "label"]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t("project.outcomeLabel")} style={{ width: 240 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[field.name, "value"]} style={{ marginBottom: 8 }}>
                        <InputNumber min={0} placeholder={t("project.outcomeValue")} style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, "unit"]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t("project.outcomeUnit")} style={{ width: 90 }} maxLength={10} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t("common:action.delete")} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ unit: "" })} icon={<PlusOutlined />} block>
                    {t("project.addOutcome")}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
