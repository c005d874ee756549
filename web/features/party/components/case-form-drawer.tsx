import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { stationDate } from "../../../../contracts/calendar.ts";
import { caseCreateSchema, type DevelopmentCase } from "../../../../contracts/party.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan } from "../../../app/session.tsx";
import { useCreateCase } from "../api/create-case.ts";
import { useBranches } from "../api/list-branches.ts";
import { BranchSelect } from "./branch-select.tsx";
import { RecordSelect } from "./record-select.tsx";

interface Values {
  branchId?: number;
  name?: string;
  gender?: "male" | "female";
  birthDate?: Dayjs | null;
  mobile?: string;
  merchantId?: number | null;
  residentId?: number | null;
  appliedOn?: Dayjs | null;
  note?: string;
}

/** Register a written application: this opens the person's development case. */
export function CaseFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved?: (c: DevelopmentCase) => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const branches = useBranches();
  const [failure, setFailure] = useState<{ title: string; rule?: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    const only = branches.data?.filter((b) => b.kind === "branch");
    form.setFieldsValue({
      gender: "male",
      appliedOn: dayjs(stationDate(new Date())),
      branchId: only?.length === 1 ? only[0].id : undefined,
    });
  }, [open, form, branches.data]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      branchId: v.branchId,
      name: v.name ?? "",
      gender: v.gender,
      birthDate: v.birthDate?.format("YYYY-MM-DD") ?? "",
      mobile: v.mobile || null,
      merchantId: v.merchantId ?? null,
      residentId: v.residentId ?? null,
      appliedOn: v.appliedOn?.format("YYYY-MM-DD") ?? "",
      note: v.note || null,
    };
    const checked = validateWith(caseCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      const saved = await create.mutateAsync(checked.data);
      message.success(t("development.created"));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id.startsWith("development.")) setFailure({ title: t("case.refused"), rule: error.message });
      else if (!applyServerErrors(error, form)) setFailure({ title: errorMessage(error) });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      title={t("development.create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="case-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.title}
          description={failure.rule}
          style={{ marginBottom: 16 }}
          data-testid="rule-refusal"
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="branchId" label={t("branch")} required>
          <BranchSelect testId="case-branch" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t("field.name")} required>
              <Input maxLength={50} data-testid="case-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label={t("field.gender")} required>
              <Radio.Group options={(["male", "female"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthDate" label={t("field.birthDate")} required extra={t("development.ageRule")}>
              <DatePicker style={{ width: "100%" }} data-testid="case-birth" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t("field.mobile")}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="appliedOn" label={t("field.appliedOn")} required extra={t("development.appliedHint")}>
          <DatePicker
            style={{ width: "100%" }}
            data-testid="case-applied"
            disabledDate={(d) => d.format("YYYY-MM-DD") > stationDate(new Date())}
          />
        </Form.Item>
        {can("merchant.read") && (
          <Form.Item name="merchantId" label={t("field.merchant")}>
            <RecordSelect kind="merchants" placeholder={t("members.searchMerchant")} />
          </Form.Item>
        )}
        {can("resident.read") && (
          <Form.Item name="residentId" label={t("field.resident")}>
            <RecordSelect kind="residents" placeholder={t("members.searchResident")} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
