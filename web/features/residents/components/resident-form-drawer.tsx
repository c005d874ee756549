import { Alert, App, Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Space, Switch } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { consentKinds, type Resident, residentCreateSchema, residentUpdateSchema } from "../../../../contracts/residents.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateResident } from "../api/create-resident.ts";
import { useUpdateResident } from "../api/update-resident.ts";

interface Values {
  name?: string;
  idNumber?: string;
  mobile?: string;
  address?: string;
  grid?: string;
  isLiaisonHead?: boolean;
  livesAlone?: boolean;
  consents?: string[];
  note?: string;
  stationId?: number;
}

/** Create a resident, or edit one. Masked ID and mobile numbers stay as they are unless retyped. */
export function ResidentFormDrawer({
  open,
  resident,
  onClose,
  onSaved,
}: {
  open: boolean;
  resident?: Resident | null;
  onClose: () => void;
  onSaved?: (resident: Resident) => void;
}) {
  const { t } = useTranslation("residents");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const update = useUpdateResident();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = Boolean(resident);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (resident) {
      form.setFieldsValue({
        name: resident.name,
        idNumber: "",
        mobile: "",
        address: resident.address ?? "",
        grid: resident.grid ?? "",
        isLiaisonHead: resident.isLiaisonHead,
        livesAlone: resident.livesAlone,
        consents: resident.consents,
        note: resident.note ?? "",
      });
    } else {
      form.setFieldsValue({
        isLiaisonHead: false,
        livesAlone: false,
        consents: [],
        stationId: me.stations.length === 1 ? me.stations[0].id : undefined,
      });
    }
  }, [open, resident, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const body = {
      name: v.name ?? "",
      address: v.address || null,
      grid: v.grid || null,
      isLiaisonHead: Boolean(v.isLiaisonHead),
      livesAlone: Boolean(v.livesAlone),
      consents: v.consents ?? [],
      note: v.note || null,
    };
    try {
      let saved: Resident;
      if (resident) {
        const input = {
          ...body,
          ...(v.idNumber ? { idNumber: v.idNumber } : {}),
          ...(v.mobile ? { mobile: v.mobile } : {}),
          version: resident.version,
        };
        const checked = validateWith(residentUpdateSchema, input, form);
        if (!checked.ok) return;
        saved = await update.mutateAsync({ id: resident.id, input: checked.data });
      } else {
        const input = {
          ...body,
          idNumber: v.idNumber ?? "",
          mobile: v.mobile || null,
          ...(v.stationId ? { stationId: v.stationId } : {}),
        };
        const checked = validateWith(residentCreateSchema, input, form);
        if (!checked.ok) return;
        saved = await create.mutateAsync(checked.data);
      }
      message.success(t("common:saved"));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") setFailure(error.message);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={editing ? t("edit") : t("create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending || update.isPending}>
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {!editing && me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t("field.name")} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="mobile"
              label={t("field.mobile")}
              extra={editing ? t("keepHint", { masked: resident?.mobile ?? "—" }) : undefined}
            >
              <Input maxLength={11} inputMode="numeric" placeholder={editing ? (resident?.mobile ?? undefined) : undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="idNumber"
          label={t("field.idNumber")}
          required={!editing}
          extra={editing ? t("keepHint", { masked: resident?.idNumber }) : t("idNumberHint")}
        >
          <Input maxLength={18} style={{ textTransform: "uppercase" }} placeholder={editing ? resident?.idNumber : undefined} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="address" label={t("field.address")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="grid" label={t("field.grid")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="isLiaisonHead" label={t("field.isLiaisonHead")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="livesAlone" label={t("field.livesAlone")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="consents" label={t("field.consents")}>
          <Checkbox.Group options={consentKinds.map((c) => ({ value: c, label: t(`common:enum.consent.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
