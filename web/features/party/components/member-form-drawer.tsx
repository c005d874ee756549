import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Member, memberCreateSchema, memberRoles, memberUpdateSchema } from "../../../../contracts/party.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan } from "../../../app/session.tsx";
import { useCreateMember } from "../api/create-member.ts";
import { useUpdateMember } from "../api/update-member.ts";
import { BranchSelect } from "./branch-select.tsx";
import { RecordSelect } from "./record-select.tsx";

interface Values {
  branchId?: number;
  name?: string;
  gender?: "male" | "female";
  birthDate?: Dayjs | null;
  mobile?: string;
  sourceUnit?: string;
  status?: "probationary" | "full";
  joinedOn?: Dayjs | null;
  fullOn?: Dayjs | null;
  role?: Member["role"];
  partyGroup?: string;
  merchantId?: number | null;
  residentId?: number | null;
  userId?: number | null;
  transferredInOn?: Dayjs | null;
}

const day = (d?: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : undefined);

/** Create a member, or edit one (the fields the server lets change after creation). */
export function MemberFormDrawer({ open, member, onClose }: { open: boolean; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const create = useCreateMember();
  const update = useUpdateMember();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = member !== null;
  const status = Form.useWatch("status", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    if (member)
      form.setFieldsValue({
        ...member,
        transferredInOn: member.transferredInOn ? dayjs(member.transferredInOn) : null,
        birthDate: dayjs(member.birthDate),
        joinedOn: dayjs(member.joinedOn),
        fullOn: member.fullOn ? dayjs(member.fullOn) : null,
        mobile: member.mobile ?? undefined,
        sourceUnit: member.sourceUnit ?? undefined,
        partyGroup: member.partyGroup ?? undefined,
        status: member.status === "probationary" ? "probationary" : "full",
      });
    else form.setFieldsValue({ gender: "male", status: "full", role: "member" });
  }, [open, member, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    try {
      if (member) {
        const input = {
          name: v.name ?? "",
          mobile: v.mobile || null,
          sourceUnit: v.sourceUnit || null,
          role: v.role,
          partyGroup: v.partyGroup || null,
          merchantId: v.merchantId ?? null,
          residentId: v.residentId ?? null,
          userId: v.userId ?? null,
          version: member.version,
        };
        const checked = validateWith(memberUpdateSchema, input, form);
        if (!checked.ok) return;
        await update.mutateAsync({ id: member.id, input: checked.data });
        message.success(t("members.saved"));
      } else {
        const input = {
          branchId: v.branchId,
          name: v.name ?? "",
          gender: v.gender,
          birthDate: day(v.birthDate),
          mobile: v.mobile || null,
          sourceUnit: v.sourceUnit || null,
          status: v.status,
          joinedOn: day(v.joinedOn),
          fullOn: v.status === "full" ? (day(v.fullOn) ?? null) : null,
          role: v.role,
          partyGroup: v.partyGroup || null,
          merchantId: v.merchantId ?? null,
          residentId: v.residentId ?? null,
          userId: v.userId ?? null,
          transferredInOn: day(v.transferredInOn) ?? null,
        };
        const checked = validateWith(memberCreateSchema, input, form);
        if (!checked.ok) return;
        await create.mutateAsync(checked.data);
        message.success(t("members.created"));
      }
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
      size={640}
      title={editing ? t("members.edit") : t("members.create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending || update.isPending} data-testid="member-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {!editing && (
          <Form.Item name="branchId" label={t("branch")} required>
            <BranchSelect />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t("field.name")} required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t("field.mobile")}>
              <Input maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
        {!editing && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="gender" label={t("field.gender")} required>
                <Radio.Group options={(["male", "female"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="birthDate" label={t("field.birthDate")} required>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {!editing && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="status" label={t("field.status")} required>
                <Radio.Group options={(["probationary", "full"] as const).map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="joinedOn" label={t("field.joinedOn")} required>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            {status === "full" && (
              <Col span={12}>
                <Form.Item name="fullOn" label={t("field.fullOn")}>
                  <DatePicker style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            )}
            <Col span={12}>
              <Form.Item name="transferredInOn" label={t("field.transferredInOn")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="role" label={t("field.role")} required>
              <Select options={memberRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="partyGroup" label={t("field.partyGroup")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceUnit" label={t("field.sourceUnit")}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t("members.linkHint")}</Typography.Paragraph>
        {can("merchant.read") && (
          <Form.Item name="merchantId" label={t("field.merchant")}>
            <RecordSelect kind="merchants" initialLabel={member?.merchantName} placeholder={t("members.searchMerchant")} />
          </Form.Item>
        )}
        {can("resident.read") && (
          <Form.Item name="residentId" label={t("field.resident")}>
            <RecordSelect kind="residents" placeholder={t("members.searchResident")} />
          </Form.Item>
        )}
        {can("user.read") && (
          <Form.Item name="userId" label={t("field.user")}>
            <RecordSelect kind="users" placeholder={t("members.searchUser")} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
