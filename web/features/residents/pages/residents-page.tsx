import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type Resident, residentSheetColumns } from "../../../../contracts/residents.ts";
import { type ResidentListQuery, useResidents } from "../../../api/list-residents.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { dash } from "../../../app/format.ts";
import { useCan } from "../../../app/session.tsx";
import { useListParams } from "../../../app/use-list-params.ts";
import { ImportModal } from "../../../components/import-modal.tsx";
import { listPagination } from "../../../components/list-pagination.ts";
import { QueryForm } from "../../../components/query-form.tsx";
import { RowAction, useActionsColumn } from "../../../components/row-actions.tsx";
import { useStationColumn, useStationField } from "../../../components/station-filter.tsx";
import { tableWidth } from "../../../components/table-width.ts";
import { exportResidents } from "../api/export-residents.ts";
import { type ResidentPersonal, useRevealResident } from "../api/get-resident-personal.ts";
import { residentImportEndpoints } from "../api/import-residents.ts";
import { ResidentFlags } from "../components/resident-flags.tsx";
import { ResidentFormDrawer } from "../components/resident-form-drawer.tsx";

type Flag = "true" | "false" | undefined;

export default function ResidentsPage() {
  const stationColumn = useStationColumn<Resident>();
  const { t } = useTranslation("residents");
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const reveal = useRevealResident();
  const list = useListParams(["grid", "isLiaisonHead", "livesAlone", "isElderly", "stationId"]);
  const stationField = useStationField();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters: Omit<ResidentListQuery, "page" | "pageSize"> = {
    q: list.q || undefined,
    grid: list.filters.grid,
    isLiaisonHead: list.filters.isLiaisonHead as Flag,
    livesAlone: list.filters.livesAlone as Flag,
    isElderly: list.filters.isElderly as Flag,
    stationId: list.idOf("stationId"),
    sort: list.sort as ResidentListQuery["sort"],
    order: list.sort ? list.order : undefined,
  };
  const query = useResidents({ ...filters, page: list.page, pageSize: list.pageSize });

  const [revealed, setRevealed] = useState<Record<number, ResidentPersonal>>({});
  const [revealing, setRevealing] = useState<number | null>(null);
  const show = async (id: number) => {
    setRevealing(id);
    try {
      const personal = await reveal(id);
      setRevealed((previous) => ({ ...previous, [id]: personal }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setRevealing(null);
    }
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await exportResidents(filters);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const yesNo = (name: string, label: string, width: number) => ({
    name,
    label,
    input: (
      <Select
        allowClear
        style={{ width }}
        placeholder={label}
        aria-label={label}
        options={[
          { value: "true", label: `${label}：${t("common:yes")}` },
          { value: "false", label: `${label}：${t("common:no")}` },
        ]}
      />
    ),
  });

  const actions = useActionsColumn<Resident>(
    (r) =>
      r.masked &&
      !revealed[r.id] && (
        <RowAction loading={revealing === r.id} onClick={() => show(r.id)} title={t("revealHint")}>
          {t("common:action.reveal")}
        </RowAction>
      ),
    { width: 90, show: can("personal.unmask") },
  );

  const columns: TableColumnsType<Resident> = [
    {
      title: t("field.name"),
      key: "name",
      dataIndex: "name",
      width: 110,
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (name: string, r) => <Link to={`/residents/${r.id}`}>{name}</Link>,
    },
    ...stationColumn,
    {
      title: t("field.gender"),
      dataIndex: "gender",
      width: 70,
      render: (g: Resident["gender"]) => (g ? t(`common:enum.gender.${g}`) : "—"),
    },
    {
      title: t("field.age"),
      key: "birthDate",
      dataIndex: "age",
      width: 80,
      sorter: true,
      sortOrder: list.sortOrderOf("birthDate"),
      render: dash,
    },
    {
      title: t("field.idNumber"),
      dataIndex: "idNumber",
      width: 190,
      render: (v: string, r) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{revealed[r.id]?.idNumber ?? v}</span>,
    },
    {
      title: t("field.mobile"),
      dataIndex: "mobile",
      width: 130,
      render: (v: string | null, r) => dash(revealed[r.id] ? revealed[r.id].mobile : v),
    },
    { title: t("field.grid"), dataIndex: "grid", width: 90, render: dash },
    { title: t("field.address"), dataIndex: "address", ellipsis: true, render: dash },
    { title: t("field.flags"), key: "flags", width: 180, render: (_: unknown, r) => <ResidentFlags resident={r} /> },
    ...actions,
  ];

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space wrap>
          {can("resident.export") && (
            <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting}>
              {t("common:action.export")}
            </Button>
          )}
          {can("resident.import") && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t("common:action.import")}
            </Button>
          )}
          {can("resident.write") && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("create")}
            </Button>
          )}
        </Space>
      </div>
      <QueryForm
        values={{ ...list.filters, q: list.q }}
        onSearch={list.search}
        fields={[
          {
            name: "q",
            label: t("searchPlaceholder"),
            input: <Input allowClear style={{ width: 240 }} placeholder={t("searchPlaceholder")} data-testid="resident-search" />,
          },
          {
            name: "grid",
            label: t("field.grid"),
            input: <Input allowClear style={{ width: 120 }} placeholder={t("field.grid")} aria-label={t("field.grid")} />,
          },
          yesNo("isElderly", t("elderly"), 130),
          yesNo("livesAlone", t("field.livesAlone"), 130),
          yesNo("isLiaisonHead", t("field.isLiaisonHead"), 140),
          ...stationField,
        ]}
      />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<Resident>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: tableWidth(columns) }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={listPagination(t, list, query.data)}
        columns={columns}
      />
      <ResidentFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(r) => navigate(`/residents/${r.id}`)} />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => client.invalidateQueries({ queryKey: ["residents"] })}
        title={t("importTitle")}
        columns={residentSheetColumns}
        {...residentImportEndpoints}
      />
    </Card>
  );
}
