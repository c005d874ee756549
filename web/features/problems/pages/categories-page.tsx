import { Alert, App, Card, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ProblemCategory, problemCategoryUpdateSchema } from "../../../../contracts/problems.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useProblemCategories } from "../api/list-categories.ts";
import { useUpdateProblemCategory } from "../api/update-category.ts";

/** Problem categories and the number of days a unit has to solve one (the due date on assignment). */
export default function CategoriesPage() {
  const { t } = useTranslation("problems");
  const categories = useProblemCategories();
  const [editing, setEditing] = useState<ProblemCategory | null>(null);
  const actions = useActionsColumn<ProblemCategory>((c) => <RowAction onClick={() => setEditing(c)}>{t("common:action.edit")}</RowAction>, {
    width: 80,
  });
  return (
    <Card>
      <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("categories.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/problem-categories" name="problem-categories" />
      </div>
      <Typography.Paragraph type="secondary">{t("categories.hint")}</Typography.Paragraph>
      {categories.isError && <Alert type="error" showIcon title={errorMessage(categories.error)} style={{ marginBottom: 16 }} />}
      <Table<ProblemCategory>
        rowKey="id"
        size="middle"
        loading={categories.isFetching}
        dataSource={categories.data ?? []}
        pagination={false}
        columns={[
          { title: t("categories.code"), dataIndex: "code", width: 160 },
          { title: t("categories.name"), dataIndex: "name" },
          { title: t("categories.nameEn"), dataIndex: "nameEn" },
          {
            title: t("categories.timeLimitDays"),
            dataIndex: "timeLimitDays",
            width: 140,
            render: (days: number) => t("categories.days", { count: days }),
          },
          {
            title: t("categories.active"),
            dataIndex: "active",
            width: 100,
            render: (active: boolean) => (
              <Tag color={active ? "success" : "default"}>{active ? t("categories.on") : t("categories.off")}</Tag>
            ),
          },
          ...actions,
        ]}
      />
      <CategoryModal category={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function CategoryModal({ category, onClose }: { category: ProblemCategory | null; onClose: () => void }) {
  const { t } = useTranslation("problems");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useUpdateProblemCategory();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!category) return;
    setFailure(null);
    form.setFieldsValue({ name: category.name, nameEn: category.nameEn, timeLimitDays: category.timeLimitDays, active: category.active });
  }, [category, form]);

  const submit = async () => {
    if (!category) return;
    const checked = validateWith(problemCategoryUpdateSchema, form.getFieldsValue(), form);
    if (!checked.ok) return;
    try {
      await update.mutateAsync({ id: category.id, input: checked.data });
      message.success(t("common:saved"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={category !== null}
      title={t("categories.edit")}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t("categories.name")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("categories.nameEn")} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="timeLimitDays" label={t("categories.timeLimitDays")} required>
          <InputNumber min={1} max={365} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="active" label={t("categories.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
