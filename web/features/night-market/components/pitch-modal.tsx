import { Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { pitchCreateSchema, pitchKinds, pitchUpdateSchema } from "../../../../contracts/night-market.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreatePitch, useUpdatePitch } from "../api/seasons.ts";
import type { Pitch } from "../api/types.ts";

/** A pitch added to the map, or one edited (`pitch`): its number, kind, size, power, nightly fee and place on the market's map. */
export function PitchModal({
  seasonId,
  open,
  onClose,
  next,
  pitch,
}: {
  pitch?: Pitch | null;
  seasonId: number;
  open: boolean;
  onClose: () => void;
  next: { x: number; y: number };
}) {
  const { t } = useTranslation("night-market");
  const [form] = Form.useForm();
  const create = useCreatePitch(seasonId);
  const update = useUpdatePitch();
  const submit = async () => {
    const v = form.getFieldsValue();
    const body = {
      number: v.number,
      kind: v.kind,
      area: v.area,
      powerWatts: v.powerWatts ?? 0,
      feeFen: Math.round((v.fee ?? 0) * 100),
      x: v.x,
      y: v.y,
      w: v.w,
      h: v.h,
    };
    if (pitch) {
      const patch = { ...body, version: pitch.version };
      if (!validateWith(pitchUpdateSchema, patch, form).ok) return;
      try {
        await update.mutateAsync({ id: pitch.id, ...patch });
        onClose();
      } catch (error) {
        applyServerErrors(error, form);
      }
      return;
    }
    if (!validateWith(pitchCreateSchema, body, form).ok) return;
    try {
      await create.mutateAsync(body);
      form.resetFields();
      onClose();
    } catch (error) {
      applyServerErrors(error, form);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={create.isPending || update.isPending}
      title={pitch ? `${t("seasons.editPitch")} ${pitch.number}` : t("seasons.addPitch")}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          pitch ? { ...pitch, fee: pitch.feeFen / 100 } : { kind: "food", area: 9, powerWatts: 1000, fee: 30, w: 42, h: 40, ...next }
        }
        preserve={false}
      >
        <Space wrap>
          <Form.Item name="number" label={t("field.number")} required>
            <Input style={{ width: 100 }} maxLength={10} />
          </Form.Item>
          <Form.Item name="kind" label={t("field.kind")} required>
            <Select style={{ width: 100 }} options={pitchKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="area" label={t("field.area")} required>
            <InputNumber min={0.5} max={200} />
          </Form.Item>
          <Form.Item name="powerWatts" label={t("field.power")}>
            <InputNumber min={0} max={20000} step={500} />
          </Form.Item>
          <Form.Item name="fee" label={t("field.fee")}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Space>
        <Space wrap>
          {(["x", "y", "w", "h"] as const).map((k) => (
            <Form.Item key={k} name={k} label={`${t("field.position")} ${k}`} required>
              <InputNumber min={k === "w" || k === "h" ? 1 : 0} max={10000} style={{ width: 90 }} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
