import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Merchant, merchantCategories, merchantCreateSchema, merchantUpdateSchema } from "../../../../contracts/merchants.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateMerchant } from "../api/create-merchant.ts";
import { useUpdateMerchant } from "../api/update-merchant.ts";

interface Values {
  name?: string;
  category?: string;
  operatorName?: string;
  mobile?: string;
  creditCode?: string;
  licenceValidFrom?: Dayjs | null;
  licenceValidTo?: Dayjs | null;
  isPartyMember?: boolean;
  note?: string;
  stationId?: number;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : null);

/** Create a merchant, or edit one (`merchant` given). Validates with the contract before asking the server. */
export function MerchantFormDrawer({
  open,
  merchant,
  onClose,
  onSaved,
}: {
  open: boolean;
  merchant?: Merchant | null;
  onClose: () => void;
  onSaved?: (merchant: Merchant) => void;
}) {
  const { t } = useTranslation("merchants");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateMerchant();
  const update = useUpdateMerchant();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = Boolean(merchant);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (merchant) {
      form.setFieldsValue({
        name: merchant.name,
        category: merchant.category,
        operatorName: merchant.operatorName,
        mobile: "",
        creditCode: merchant.creditCode,
        licenceValidFrom: merchant.licenceValidFrom ? dayjs(merchant.licenceValidFrom) : null,
        licenceValidTo: merchant.licenceValidTo ? dayjs(merchant.licenceValidTo) : null,
        isPartyMember: merchant.isPartyMember,
        note: merchant.note ?? "",
      });
    } else {
      form.setFieldsValue({ isPartyMember: false, stationId: me.stations.length === 1 ? me.stations[0].id : undefined });
    }
  }, [open, merchant, form, me.stations]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const body = {
      name: v.name ?? "",
      category: v.category,
      operatorName: v.operatorName ?? "",
      creditCode: v.creditCode ?? "",
      licenceValidFrom: day(v.licenceValidFrom),
      licenceValidTo: day(v.licenceValidTo),
      isPartyMember: Boolean(v.isPartyMember),
      note: v.note ?? null,
    };
    try {
      let saved: Merchant;
      if (merchant) {
        // The form shows the masked number; a blank field keeps the stored one.
        const input = { ...body, ...(v.mobile ? { mobile: v.mobile } : {}), version: merchant.version };
        const checked = validateWith(merchantUpdateSchema, input, form);
        if (!checked.ok) return;
        saved = await update.mutateAsync({ id: merchant.id, input: checked.data });
      } else {
        const input = { ...body, mobile: v.mobile ?? "", ...(v.stationId ? { stationId: v.stationId } : {}) };
        const checked = validateWith(merchantCreateSchema, input, form);
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
          <Button type="primary" onClick={submit} loading={create.isPending || update.isPending} data-testid="merchant-save">
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
        <Form.Item name="name" label={t("field.name")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="category" label={t("field.category")} required>
              <Select options={merchantCategories.map((c) => ({ value: c, label: t(`common:enum.category.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="operatorName" label={t("field.operatorName")} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="mobile"
              label={t("field.mobile")}
              required={!editing}
              extra={editing ? t("mobileKeep", { masked: merchant?.mobile }) : undefined}
            >
              <Input maxLength={11} inputMode="numeric" placeholder={editing ? merchant?.mobile : undefined} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isPartyMember" label={t("field.isPartyMember")} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="creditCode" label={t("field.creditCode")} required>
          <Input maxLength={18} style={{ textTransform: "uppercase" }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="licenceValidFrom" label={t("field.licenceValidFrom")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="licenceValidTo" label={t("field.licenceValidTo")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
