import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AllianceUnit,
  allianceUnitCreateSchema,
  allianceUnitKinds,
  allianceUnitUpdateSchema,
} from "../../../../contracts/alliance-units.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateAllianceUnit } from "../api/create-alliance-unit.ts";
import { useUpdateAllianceUnit } from "../api/update-alliance-unit.ts";

interface Values {
  name?: string;
  kind?: string;
  contactName?: string;
  contactMobile?: string;
  address?: string;
  offers?: string;
  stationId?: number;
}

export function AllianceUnitFormDrawer({
  open,
  unit,
  defaultKind,
  onClose,
}: {
  open: boolean;
  unit: AllianceUnit | null;
  defaultKind?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("units");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateAllianceUnit();
  const update = useUpdateAllianceUnit();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (unit)
      form.setFieldsValue({
        name: unit.name,
        kind: unit.kind,
        contactName: unit.contactName ?? "",
        contactMobile: "",
        address: unit.address ?? "",
        offers: unit.offers ?? "",
      });
    else form.setFieldsValue({ kind: defaultKind, stationId: me.stations.length === 1 ? me.stations[0].id : undefined });
  }, [open, unit, defaultKind, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const body = {
      name: v.name ?? "",
      kind: v.kind,
      contactName: v.contactName || null,
      address: v.address || null,
      offers: v.offers || null,
    };
    try {
      if (unit) {
        const input = { ...body, ...(v.contactMobile ? { contactMobile: v.contactMobile } : {}), version: unit.version };
        const checked = validateWith(allianceUnitUpdateSchema, input, form);
        if (!checked.ok) return;
        await update.mutateAsync({ id: unit.id, input: checked.data });
      } else {
        const input = {
          ...body,
          contactMobile: v.contactMobile || null,
          ...(me.stations.length > 1 && v.stationId ? { stationId: v.stationId } : {}),
        };
        const checked = validateWith(allianceUnitCreateSchema, input, form);
        if (!checked.ok) return;
        await create.mutateAsync(checked.data);
      }
      message.success(t("common:saved"));
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
      size={520}
      title={unit ? t("edit") : t("create")}
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
      <Form form={form} layout="vertical">
        {!unit && me.stations.length > 1 && (
          <Form.Item name="stationId" label={t("field.station")} required>
            <Select options={me.stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("field.name")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={allianceUnitKinds.map((k) => ({ value: k, label: t(`common:enum.unitKind.${k}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="contactName" label={t("field.contactName")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="contactMobile"
              label={t("field.contactMobile")}
              extra={unit?.contactMobile ? t("keepHint", { masked: unit.contactMobile }) : undefined}
            >
              <Input maxLength={11} inputMode="numeric" placeholder={unit?.contactMobile ?? undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t("field.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="offers" label={t("field.offers")} extra={t("offersHint")}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
