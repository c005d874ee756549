import { DownOutlined, PlusOutlined, PrinterOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { defaultLoanDays, itemStatuses, type LendKind, lendKinds } from "../../../../contracts/lending.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors } from "../../../app/form-errors.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { useCreateItems } from "../api/create-items.ts";
import { downloadLabels } from "../api/download-labels.ts";
import { type ItemActionInput, useItemAction } from "../api/item-action.ts";
import { type ItemListQuery, useItems } from "../api/list-items.ts";
import { useLendingSummary } from "../api/summary.ts";
import type { LendItem } from "../api/types.ts";
import { useUpdateItem } from "../api/update-item.ts";
import { Availability } from "./availability.tsx";
import { itemStatusColour } from "./labels.ts";

type Action = ItemActionInput["action"];
const actionsFor: Record<string, Action[]> = {
  available: ["damage", "retire"],
  damaged: ["repair", "retire"],
  lost: ["find", "retire"],
  lent: [],
  retired: [],
};

function AddItemsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation("lending");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: LendKind; count: number; name?: string; loanDays?: number; note?: string }>();
  const create = useCreateItems();
  const [failure, setFailure] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form) ?? "umbrella";
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    try {
      const items = await create.mutateAsync({
        kind: v.kind,
        count: v.count ?? 1,
        name: v.name?.trim() || undefined,
        loanDays: v.loanDays ?? undefined,
        note: v.note || null,
      });
      message.success(
        items.length === 1
          ? t("inventory.addedOne", { code: items[0].code })
          : t("inventory.added", { count: items.length, first: items[0].code, last: items[items.length - 1].code }),
      );
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t("inventory.addTitle")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ "data-testid": "items-add-ok" } as never}
    >
      <Typography.Paragraph type="secondary">{t("inventory.addHint", { example: "TY-SAN-0041" })}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: "umbrella", count: 1 }}>
        <Form.Item name="kind" label={t("field.kind")} required>
          <Select options={lendKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="count" label={t("field.count")} required>
          <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="name" label={t("field.name")} required={kind === "other"}>
          <Input maxLength={50} placeholder={kind === "other" ? "" : t(`kind.${kind}`)} />
        </Form.Item>
        <Form.Item name="loanDays" label={t("field.loanDays")}>
          <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} placeholder={String(defaultLoanDays[kind])} />
        </Form.Item>
        <Form.Item name="note" label={t("field.note")}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditItemModal({ item, onClose }: { item: LendItem | null; onClose: () => void }) {
  const { t } = useTranslation("lending");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; loanDays: number; note?: string }>();
  const update = useUpdateItem();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    if (!item) return;
    setFailure(null);
    const v = form.getFieldsValue();
    try {
      await update.mutateAsync({ id: item.id, input: { name: v.name, loanDays: v.loanDays, note: v.note || null, version: item.version } });
      message.success(t("inventory.saved"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal open={item !== null} title={item?.code} onCancel={onClose} onOk={submit} confirmLoading={update.isPending} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {item && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: item.name, loanDays: item.loanDays, note: item.note ?? "" }}
        >
          <Form.Item name="name" label={t("field.name")} required>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="loanDays" label={t("field.loanDays")} required>
            <InputNumber min={1} max={90} precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t("field.note")}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 物品台账: what the station has, where each item is, batch adds and label sheets. */
export function InventoryTab() {
  const stationColumn = useStationColumn<LendItem>();
  const { t } = useTranslation("lending");
  const { message, modal } = App.useApp();
  const can = useCan();
  const manage = can("lending.manage");
  const list = useListParams(["kind", "status", "tab", "stationId"], 20);
  const stationField = useStationField();
  const query: ItemListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    kind: list.filters.kind as LendKind | undefined,
    status: list.filters.status as ItemListQuery["status"],
    stationId: list.idOf("stationId"),
    sort: list.sort,
    order: list.order,
  };
  const items = useItems(query);
  const summary = useLendingSummary(list.idOf("stationId"));
  const action = useItemAction();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<LendItem | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [printing, setPrinting] = useState(false);

  const print = async (which: { ids?: number[]; kind?: LendKind }) => {
    setPrinting(true);
    try {
      await downloadLabels(which);
      message.success(t("inventory.labelsReady"));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPrinting(false);
    }
  };

  const act = (item: LendItem, kind: Action) =>
    modal.confirm({
      title: t(`itemAction.${kind}`),
      content: t(`itemActionConfirm.${kind}`, { code: item.code }),
      okButtonProps: { danger: kind === "retire" || kind === "damage" },
      onOk: async () => {
        try {
          await action.mutateAsync({ id: item.id, input: { action: kind, note: null, version: item.version } });
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const actions = useActionsColumn<LendItem>(
    (item) => (
      <>
        <RowAction onClick={() => setEditing(item)}>{t("inventory.edit")}</RowAction>
        {actionsFor[item.status].length > 0 && (
          <Dropdown
            menu={{
              items: actionsFor[item.status].map((a) => ({
                key: a,
                label: t(`itemAction.${a}`),
                danger: a === "retire" || a === "damage",
              })),
              onClick: ({ key }) => act(item, key as Action),
            }}
          >
            <RowAction>
              {t("inventory.more")} <DownOutlined />
            </RowAction>
          </Dropdown>
        )}
      </>
    ),
    { width: 150, show: manage },
  );

  const columns: TableColumnsType<LendItem> = [
    {
      title: t("field.code"),
      dataIndex: "code",
      key: "code",
      width: 160,
      sorter: true,
      sortOrder: list.sortOrderOf("code"),
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    ...stationColumn,
    {
      title: t("field.name"),
      key: "name",
      width: 150,
      ellipsis: true,
      render: (_: unknown, item) =>
        item.name === t(`kind.${item.kind}`) ? (
          item.name
        ) : (
          <span>
            {item.name} <Typography.Text type="secondary">· {t(`kind.${item.kind}`)}</Typography.Text>
          </span>
        ),
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      key: "status",
      width: 100,
      sorter: true,
      sortOrder: list.sortOrderOf("status"),
      render: (s: LendItem["status"]) => <Tag color={itemStatusColour[s]}>{t(`itemStatus.${s}`)}</Tag>,
    },
    {
      title: t("field.currentLoan"),
      key: "loan",
      render: (_: unknown, item) =>
        item.loan ? (
          <span>
            {t("inventory.lentTo", { name: item.loan.borrowerName, due: formatDateTime(item.loan.dueAt) })}
            {item.loan.overdue && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                {t("loanStatus.overdue")}
              </Tag>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">{item.note ?? "—"}</Typography.Text>
        ),
    },
    { title: t("field.loanDays"), dataIndex: "loanDays", width: 90 },
    ...actions,
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        size="small"
        title={t("inventory.availability")}
        extra={summary.data && summary.data.overdue > 0 && <Tag color="red">{t("inventory.overdue", { count: summary.data.overdue })}</Tag>}
      >
        {summary.data ? <Availability summary={summary.data} /> : <Typography.Text type="secondary">…</Typography.Text>}
      </Card>
      <Card>
        <QueryForm
          values={{ ...list.filters, q: list.q }}
          onSearch={list.search}
          fields={[
            {
              name: "q",
              label: t("inventory.search"),
              input: <Input allowClear style={{ width: 240 }} placeholder={t("inventory.search")} data-testid="items-search" />,
            },
            selectField(
              "kind",
              t("field.kind"),
              lendKinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
              { width: 130 },
            ),
            selectField(
              "status",
              t("field.status"),
              itemStatuses.map((s) => ({ value: s, label: t(`itemStatus.${s}`) })),
              { width: 130 },
            ),
            ...stationField,
          ]}
          extra={
            <Space wrap>
              <ExportButton path="/api/lending/items" query={query} name="lending-items" />
              {manage && (
                <>
                  <Button
                    icon={<PrinterOutlined />}
                    disabled={selected.length === 0}
                    loading={printing}
                    onClick={() => print({ ids: selected })}
                  >
                    {t("inventory.printSelected")}
                    {selected.length > 0 && ` (${selected.length})`}
                  </Button>
                  <Dropdown
                    menu={{
                      items: lendKinds.map((k) => ({ key: k, label: t(`kind.${k}`) })),
                      onClick: ({ key }) => print({ kind: key as LendKind }),
                    }}
                  >
                    <Button icon={<PrinterOutlined />} loading={printing} data-testid="labels-by-kind">
                      {t("inventory.printKind")} <DownOutlined />
                    </Button>
                  </Dropdown>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="items-add">
                    {t("inventory.batchAdd")}
                  </Button>
                </>
              )}
            </Space>
          }
        />
        {items.isError && <Alert type="error" showIcon title={errorMessage(items.error)} style={{ marginBottom: 16 }} />}
        <Table<LendItem>
          rowKey="id"
          size="middle"
          loading={items.isFetching}
          dataSource={items.data?.items ?? []}
          rowSelection={
            manage
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }
              : undefined
          }
          scroll={{ x: tableWidth(columns) + 32 }}
          locale={{ emptyText: <Empty description={t("inventory.empty")} /> }}
          onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
          pagination={listPagination(t, list, items.data)}
          columns={columns}
        />
      </Card>
      <AddItemsModal open={adding} onClose={() => setAdding(false)} />
      <EditItemModal item={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
