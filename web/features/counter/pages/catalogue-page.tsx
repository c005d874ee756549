import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ServiceItem, serviceItemCreateSchema, serviceItemUpdateSchema } from "../../../../contracts/counter.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm, selectField } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { type ItemListQuery, useServiceItems } from "../api/list-items.ts";
import { useCreateServiceItem, useUpdateServiceItem } from "../api/save-item.ts";
import { useFee, useTimeLimit } from "../components/labels.tsx";
import { useUnitOptions } from "../components/unit-options.ts";

const audienceColour = { merchant: "orange", resident: "cyan", both: "geekblue" } as const;

interface FormValues {
  code?: string;
  name?: string;
  unitId?: number;
  audience?: string;
  handling?: string;
  timeLimitDays?: number;
  feeYuan?: number;
  materials?: string[];
  description?: string;
}

function ItemModal({ item, open, onClose }: { item: ServiceItem | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("counter");
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const units = useUnitOptions();
  const create = useCreateServiceItem();
  const update = useUpdateServiceItem();
  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const common = {
      name: v.name ?? "",
      unitId: v.unitId,
      audience: v.audience,
      handling: v.handling,
      timeLimitDays: v.timeLimitDays,
      feeFen: yuanToFen(v.feeYuan),
      materials: (v.materials ?? []).map((m) => m.trim()).filter(Boolean),
      description: v.description || null,
    };
    try {
      if (item) {
        const checked = validateWith(serviceItemUpdateSchema, { ...common, version: item.version }, form);
        if (!checked.ok) return;
        await update.mutateAsync({ id: item.id, patch: checked.data });
      } else {
        const checked = validateWith(serviceItemCreateSchema, { ...common, code: v.code ?? "" }, form);
        if (!checked.ok) return;
        await create.mutateAsync(checked.data);
      }
      message.success(t("common:saved"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={item ? t("catalogue.edit") : t("catalogue.add")}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.save")}
      okButtonProps={{ "data-testid": "item-save" } as never}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={640}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          item
            ? { ...item, feeYuan: item.feeFen / 100, description: item.description ?? undefined }
            : { audience: "both", handling: "on_site", timeLimitDays: 0, feeYuan: 0, materials: [] }
        }
      >
        <Space.Compact block style={{ gap: 12 }}>
          <Form.Item name="code" label={t("field.code")} required={!item} style={{ width: 160 }}>
            <Input disabled={!!item} maxLength={20} placeholder={t("catalogue.codeHint")} />
          </Form.Item>
          <Form.Item name="name" label={t("field.name")} required style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="unitId" label={t("field.unit")} required>
          <Select showSearch={{ optionFilterProp: "label" }} options={units} />
        </Form.Item>
        <Space size={32} wrap>
          <Form.Item name="audience" label={t("field.audience")} required>
            <Radio.Group options={(["merchant", "resident", "both"] as const).map((a) => ({ value: a, label: t(`audience.${a}`) }))} />
          </Form.Item>
          <Form.Item name="handling" label={t("field.handling")} required>
            <Radio.Group options={(["on_site", "forwarded"] as const).map((h) => ({ value: h, label: t(`handling.${h}`) }))} />
          </Form.Item>
        </Space>
        <Space size={32} wrap>
          <Form.Item name="timeLimitDays" label={t("field.timeLimit")} required extra={t("catalogue.timeLimitHint")}>
            <InputNumber min={0} max={365} precision={0} addonAfter={t("catalogue.daysUnit")} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="feeYuan" label={t("field.fee")} extra={t("catalogue.feeHint")}>
            <InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="materials" label={t("field.materials")} extra={t("catalogue.materialsHint")}>
          <Select mode="tags" open={false} tokenSeparators={["；", ";", "\n"]} placeholder={t("catalogue.materialsPlaceholder")} />
        </Form.Item>
        <Form.Item name="description" label={t("field.description")}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 服务事项: the catalogue of items the departments handle at the station; staff keep it, everybody else reads it. */
export default function CataloguePage() {
  const stationColumn = useStationColumn<ServiceItem>();
  const { t } = useTranslation("counter");
  const { message } = App.useApp();
  const can = useCan();
  const manage = can("service.manage");
  const list = useListParams(["unitId", "audience", "handling", "active", "stationId"]);
  const stationField = useStationField();
  const timeLimit = useTimeLimit();
  const fee = useFee();
  const units = useUnitOptions();
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const [open, setOpen] = useState(false);
  const update = useUpdateServiceItem();
  const query: ItemListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    q: list.q || undefined,
    unitId: list.idOf("unitId"),
    stationId: list.idOf("stationId"),
    audience: list.filters.audience as ItemListQuery["audience"],
    handling: list.filters.handling as ItemListQuery["handling"],
    active: list.filters.active as ItemListQuery["active"],
  };
  const items = useServiceItems(query);

  const toggle = async (item: ServiceItem) => {
    try {
      await update.mutateAsync({ id: item.id, patch: { active: !item.active, version: item.version } });
      message.success(item.active ? t("catalogue.deactivated", { name: item.name }) : t("catalogue.activated", { name: item.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actions = useActionsColumn<ServiceItem>(
    (item) => (
      <>
        <RowAction
          onClick={() => {
            setEditing(item);
            setOpen(true);
          }}
        >
          {t("common:action.edit")}
        </RowAction>
        <Popconfirm
          title={item.active ? t("catalogue.deactivateConfirm") : t("catalogue.activateConfirm")}
          okText={t("common:action.confirm")}
          cancelText={t("common:action.cancel")}
          onConfirm={() => toggle(item)}
        >
          <RowAction danger={item.active}>{item.active ? t("common:action.disable") : t("common:action.enable")}</RowAction>
        </Popconfirm>
      </>
    ),
    { width: 140, show: manage },
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("catalogue.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("catalogue.subtitle")}</Typography.Text>
        <div style={{ flex: 1 }} />
        <ExportButton path="/api/services/items" query={query} name="service-items" />
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="item-add"
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t("catalogue.add")}
          </Button>
        )}
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q, unitId: list.idOf("unitId") }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("catalogue.searchPlaceholder"),
            input: <Input allowClear style={{ width: 280 }} placeholder={t("catalogue.searchPlaceholder")} data-testid="item-search" />,
          },
          ...(units.length > 0 ? [selectField("unitId", t("field.unit"), units, { width: 240, search: true })] : []),
          selectField(
            "audience",
            t("field.audience"),
            (["merchant", "resident", "both"] as const).map((a) => ({ value: a, label: t(`audience.${a}`) })),
          ),
          selectField(
            "handling",
            t("field.handling"),
            (["on_site", "forwarded"] as const).map((h) => ({ value: h, label: t(`handling.${h}`) })),
          ),
          selectField(
            "active",
            t("field.active"),
            [
              { value: "true", label: t("catalogue.active") },
              { value: "false", label: t("catalogue.inactive") },
            ],
            { width: 130 },
          ),
          ...stationField,
        ]}
      />
      {items.isError && <Alert type="error" showIcon title={errorMessage(items.error)} style={{ marginBottom: 16 }} />}
      <Table<ServiceItem>
        rowKey="id"
        size="middle"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        scroll={{ x: 1120 }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("catalogue.empty")} /> }}
        onChange={(pagination, _f, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, items.data)}
        expandable={{
          expandedRowRender: (item) => (
            <div style={{ paddingLeft: 8 }}>
              <Typography.Text strong>{t("field.materials")}</Typography.Text>
              {item.materials.length === 0 ? (
                <Typography.Paragraph type="secondary">{t("catalogue.noMaterials")}</Typography.Paragraph>
              ) : (
                <ol style={{ margin: "4px 0 8px", paddingLeft: 20 }}>
                  {item.materials.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ol>
              )}
              {item.description && <Typography.Paragraph style={{ marginBottom: 0 }}>{item.description}</Typography.Paragraph>}
            </div>
          ),
        }}
        columns={[
          { title: t("field.code"), dataIndex: "code", width: 80 },
          ...stationColumn,
          {
            title: t("field.name"),
            dataIndex: "name",
            width: 230,
            render: (name: string, item) => (
              <span style={{ color: item.active ? undefined : "#999" }}>
                {name} {!item.active && <Tag>{t("catalogue.inactive")}</Tag>}
              </span>
            ),
          },
          { title: t("field.unit"), dataIndex: "unitName", width: 190, ellipsis: true },
          {
            title: t("field.audience"),
            dataIndex: "audience",
            width: 110,
            render: (a: ServiceItem["audience"]) => <Tag color={audienceColour[a]}>{t(`audience.${a}`)}</Tag>,
          },
          {
            title: t("field.handling"),
            dataIndex: "handling",
            width: 100,
            render: (h: string) => <Tag color={h === "on_site" ? "green" : "purple"}>{t(`handling.${h}`)}</Tag>,
          },
          { title: t("field.timeLimit"), dataIndex: "timeLimitDays", width: 90, render: timeLimit },
          { title: t("field.fee"), dataIndex: "feeFen", width: 80, align: "right", render: fee },
          {
            title: t("field.materials"),
            dataIndex: "materials",
            width: 90,
            render: (m: string[]) => t("catalogue.materialsCount", { count: m.length }),
          },
          ...actions,
        ]}
      />
      <ItemModal key={editing?.id ?? "new"} item={editing} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
