import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type Enterprise, enterpriseCreateSchema, enterpriseUpdateSchema } from "../../../../contracts/economy.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { useCreateEnterprise, useUpdateEnterprise } from "../api/console.ts";
import { checked, FormDrawer } from "./form-drawer.tsx";

interface Values {
  name?: string;
  contactName?: string | null;
  contactTitle?: string | null;
  mobilisedByUnitId?: number | null;
}

/** A park enterprise taking part in directed consumption: its contact and the alliance unit that mobilised it. */
export function EnterpriseFormDrawer({ open, enterprise, onClose }: { open: boolean; enterprise: Enterprise | null; onClose: () => void }) {
  const { t } = useTranslation("economy");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const units = useAllianceUnits({ pageSize: 200 });
  const save = async (v: Values) => {
    const values = { ...v, mobilisedByUnitId: v.mobilisedByUnitId ?? null };
    if (enterprise) {
      const body = checked(enterpriseUpdateSchema, { ...values, version: enterprise.version }, form);
      if (!body) return;
      await update.mutateAsync({ id: enterprise.id, input: body });
    } else {
      const body = checked(enterpriseCreateSchema, values, form);
      if (!body) return;
      await create.mutateAsync(body);
    }
    message.success(t("enterprises.saved", { name: values.name }));
    onClose();
  };
  return (
    <FormDrawer<Values>
      open={open}
      title={enterprise ? t("enterprises.edit") : t("enterprises.new")}
      form={form}
      initialValues={
        enterprise
          ? {
              name: enterprise.name,
              contactName: enterprise.contactName,
              contactTitle: enterprise.contactTitle,
              mobilisedByUnitId: enterprise.mobilisedByUnitId,
            }
          : {}
      }
      onClose={onClose}
      onSave={save}
      saving={create.isPending || update.isPending}
      testId="enterprise-form"
    >
      <Form.Item name="name" label={t("enterprises.name")} required>
        <Input maxLength={100} placeholder={t("enterprises.nameHint")} data-testid="enterprise-name" />
      </Form.Item>
      <div style={{ display: "flex", gap: 16 }}>
        <Form.Item name="contactName" label={t("enterprises.contactName")} style={{ flex: 1 }}>
          <Input maxLength={50} data-testid="enterprise-contact" />
        </Form.Item>
        <Form.Item name="contactTitle" label={t("enterprises.contactTitle")} style={{ flex: 1 }}>
          <Input maxLength={50} placeholder={t("enterprises.contactTitleHint")} />
        </Form.Item>
      </div>
      <Form.Item name="mobilisedByUnitId" label={t("enterprises.unit")} extra={t("enterprises.unitHint")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={units.isFetching}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="enterprise-unit"
        />
      </Form.Item>
    </FormDrawer>
  );
}
