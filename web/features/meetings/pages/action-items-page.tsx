import { Alert, App, Card, Empty, Form, Input, Modal, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ActionItem, actionItemStatuses, actionItemUpdateSchema } from "../../../../contracts/meetings.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { formatDate, formatDateTime } from "../../../app/format.ts";
import { useCan, useMe } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { type ActionItemListQuery, useActionItems } from "../api/list-action-items.ts";
import { useUpdateActionItem } from "../api/update-action-item.ts";
import { ActionItemStatusTag } from "../components/meeting-status-tag.tsx";

function UpdateModal({ item, status, onClose }: { item: ActionItem | null; status: ActionItem["status"]; onClose: () => void }) {
  const { t } = useTranslation("meetings");
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useUpdateActionItem();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    if (!item) return;
    setFailure(null);
    const checked = validateWith(actionItemUpdateSchema, { status, note: form.getFieldValue("note") || null, version: item.version }, form);
    if (!checked.ok) return;
    try {
      await update.mutateAsync({ id: item.id, input: checked.data });
      message.success(t(`itemDone.${status}`));
      form.resetFields();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") setFailure(`${error.message} ${t("conflictReload")}`);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={item !== null}
      title={t(`itemAction.${status}`)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={update.isPending}
      okButtonProps={{ "data-testid": "action-item-ok" } as never}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>{item?.text}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t("resolution.note")}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="action-item-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Resolutions of all meetings, followed to done; overdue ones in red. Owner units mark theirs done. */
export default function ActionItemsPage() {
  const { t } = useTranslation("meetings");
  const can = useCan();
  const me = useMe();
  const list = useListParams(["status", "unitId", "overdue"]);
  const units = useAllianceUnits({ pageSize: 200, status: "active" });
  const [target, setTarget] = useState<{ item: ActionItem; status: ActionItem["status"] } | null>(null);
  const query: ActionItemListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    status: list.filters.status as ActionItemListQuery["status"],
    unitId: list.idOf("unitId"),
    overdue: list.filters.overdue as ActionItemListQuery["overdue"],
  };
  const items = useActionItems(query);
  const mayWork = (item: ActionItem) => can("action_item.work") && (!me.allianceUnitId || me.allianceUnitId === item.ownerUnitId);

  const actions = useActionsColumn<ActionItem>(
    (r) =>
      mayWork(r) &&
      (r.status === "open" ? (
        <RowAction onClick={() => setTarget({ item: r, status: "done" })} data-testid="action-item-done">
          {t("itemAction.done")}
        </RowAction>
      ) : (
        <RowAction onClick={() => setTarget({ item: r, status: "open" })}>{t("itemAction.open")}</RowAction>
      )),
    { width: 110, show: can("action_item.work"), rows: items.data?.items },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("items.title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/action-items" query={query} name="action-items" />
      </div>
      <QueryForm
        values={{ ...list.filters, unitId: query.unitId }}
        onSearch={list.search}
        fields={[
          selectField(
            "status",
            t("field.status"),
            actionItemStatuses.map((s) => ({ value: s, label: t(`itemStatus.${s}`) })),
            { width: 120 },
          ),
          ...(me.allianceUnitId
            ? []
            : [
                selectField(
                  "unitId",
                  t("resolution.ownerUnit"),
                  (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
                  { width: 240, search: true },
                ),
              ]),
          selectField(
            "overdue",
            t("items.overdueFilter"),
            [
              { value: "true", label: t("itemOverdue") },
              { value: "false", label: t("items.notOverdue") },
            ],
            { width: 120 },
          ),
        ]}
      />
      {items.isError && <Alert type="error" showIcon title={errorMessage(items.error)} style={{ marginBottom: 16 }} />}
      <Table<ActionItem>
        rowKey="id"
        size="middle"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t("resolution.none")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        onRow={(r) => ({ className: r.overdue && r.status === "open" ? "dd-row-overdue" : undefined })}
        pagination={listPagination(t, list, items.data)}
        columns={[
          { title: t("resolution.text"), dataIndex: "text" },
          {
            title: t("items.meeting"),
            dataIndex: "meetingTitle",
            width: 200,
            render: (v: string, r) => <Link to={`/meetings/${r.meetingId}`}>{v}</Link>,
          },
          { title: t("resolution.ownerUnit"), dataIndex: "ownerUnitName", width: 220, ellipsis: true },
          {
            title: t("resolution.dueDate"),
            dataIndex: "dueDate",
            width: 110,
            render: (v: string, r) =>
              r.overdue && r.status === "open" ? <Typography.Text type="danger">{formatDate(v)}</Typography.Text> : formatDate(v),
          },
          { title: t("field.status"), key: "status", width: 100, render: (_: unknown, r) => <ActionItemStatusTag item={r} /> },
          {
            title: t("resolution.note"),
            dataIndex: "note",
            width: 200,
            render: (v: string | null, r) => (
              <span>
                {v ?? "—"}
                {r.doneAt && <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>{formatDateTime(r.doneAt)}</div>}
              </span>
            ),
          },
          ...actions,
        ]}
      />
      <UpdateModal item={target?.item ?? null} status={target?.status ?? "done"} onClose={() => setTarget(null)} />
    </Card>
  );
}
