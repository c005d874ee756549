import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, stationDate } from "../../../../contracts/calendar.ts";
import { branchMeetingCreateSchema } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCreateBranchMeeting } from "../api/create-branch-meeting.ts";
import { useBranches } from "../api/list-branches.ts";
import { BranchSelect } from "./branch-select.tsx";
import { type BranchMeetingKind, branchMeetingKinds } from "./labels.ts";

interface Values {
  branchId?: number;
  kind?: BranchMeetingKind;
  title?: string;
  heldOn?: Dayjs | null;
  place?: string;
}

/** Schedule a member meeting, committee meeting, group meeting, Party lecture or theme day. */
export function BranchMeetingDrawer({ open, kind, onClose }: { open: boolean; kind?: BranchMeetingKind; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateBranchMeeting();
  const branches = useBranches();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    const only = branches.data?.filter((b) => b.kind === "branch");
    const k = kind ?? "member_meeting";
    const today = stationDate(new Date());
    form.setFieldsValue({
      kind: k,
      heldOn: dayjs(addDays(today, 1)),
      title: `${Number(today.slice(5, 7))}月${t(`kind.${k}`)}`,
      branchId: only?.length === 1 ? only[0].id : undefined,
    });
  }, [open, form, kind, branches.data, t]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      branchId: v.branchId,
      kind: v.kind,
      title: v.title ?? "",
      heldOn: v.heldOn?.format("YYYY-MM-DD") ?? "",
      place: v.place || null,
    };
    const checked = validateWith(branchMeetingCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      await create.mutateAsync(checked.data);
      message.success(t("branchLife.created"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t("branchLife.create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending} data-testid="branch-meeting-save">
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="branchId" label={t("branch")} required>
          <BranchSelect />
        </Form.Item>
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={branchMeetingKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="heldOn" label={t("field.heldOn")} required>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="place" label={t("field.place")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
