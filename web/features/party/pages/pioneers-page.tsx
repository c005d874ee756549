import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Switch, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { pioneerPostCreateSchema } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { useCan } from "../../../app/session.tsx";
import { ExportButton } from "../../../components/export-button.tsx";
import { useCreatePioneerPost } from "../api/create-pioneer-post.ts";
import { useMembers } from "../api/list-members.ts";
import { usePioneerPosts } from "../api/list-pioneer-posts.ts";
import type { PioneerPost } from "../api/types.ts";
import { useUpdatePioneerPost } from "../api/update-pioneer-post.ts";

interface Values {
  memberId?: number;
  post?: string;
  duty?: string;
  service?: string;
  showOnMobile?: boolean;
}

function PioneerPostModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePioneerPost();
  const members = useMembers({ page: 1, pageSize: 200 }, open);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    form.setFieldsValue({ showOnMobile: true });
  }, [open, form]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const input = {
      memberId: v.memberId,
      post: v.post ?? "",
      duty: v.duty || null,
      service: v.service || null,
      showOnMobile: v.showOnMobile ?? true,
    };
    const checked = validateWith(pioneerPostCreateSchema, input, form);
    if (!checked.ok) return;
    try {
      await create.mutateAsync(checked.data);
      message.success(t("pioneers.created"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal open={open} title={t("pioneers.create")} onCancel={onClose} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="memberId" label={t("field.member")} required>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={members.isPending}
            options={(members.data?.items ?? [])
              .filter((m) => m.status !== "transferred_out")
              .map((m) => ({ value: m.id, label: `${m.name} · ${m.branchName}` }))}
          />
        </Form.Item>
        <Form.Item name="post" label={t("field.post")} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="duty" label={t("field.duty")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="service" label={t("field.service")}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="showOnMobile" label={t("field.showOnMobile")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 党员先锋岗: members on duty at the station, their posts and service; which ones show on /m/. */
export default function PioneersPage() {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const can = useCan();
  const posts = usePioneerPosts();
  const update = useUpdatePioneerPost();
  const [creating, setCreating] = useState(false);
  const manage = can("party.manage");

  const toggle = (id: number, input: { active?: boolean; showOnMobile?: boolean }) =>
    update.mutate(
      { id, input },
      { onSuccess: () => message.success(t("pioneers.updated")), onError: (e) => message.error(errorMessage(e)) },
    );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("pioneers.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/party/pioneer-posts" name="pioneer-posts" />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="pioneer-create">
            {t("pioneers.create")}
          </Button>
        )}
      </div>
      {posts.isError && <Alert type="error" showIcon title={errorMessage(posts.error)} style={{ marginBottom: 16 }} />}
      <Table<PioneerPost>
        rowKey="id"
        size="middle"
        loading={posts.isFetching}
        dataSource={posts.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t("pioneers.empty")} /> }}
        columns={[
          { title: t("field.member"), dataIndex: "memberName", width: 110 },
          { title: t("field.post"), dataIndex: "post", width: 180 },
          { title: t("field.duty"), dataIndex: "duty", width: 200, render: (v: string | null) => v ?? "—" },
          { title: t("field.service"), dataIndex: "service", render: (v: string | null) => v ?? "—" },
          {
            title: t("field.showOnMobile"),
            dataIndex: "showOnMobile",
            width: 130,
            render: (v: boolean, r) => (
              <Switch
                checked={v}
                disabled={!manage}
                loading={update.isPending && update.variables?.id === r.id}
                onChange={(on) => toggle(r.id, { showOnMobile: on })}
              />
            ),
          },
          {
            title: t("field.active"),
            dataIndex: "active",
            width: 90,
            render: (v: boolean, r) => <Switch checked={v} disabled={!manage} onChange={(on) => toggle(r.id, { active: on })} />,
          },
        ]}
      />
      <PioneerPostModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
