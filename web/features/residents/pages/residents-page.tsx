import { DownloadOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Input, Select, Space, Table, Typography } from "antd";
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
import { useStationColumn } from "../../../components/station-filter.tsx";
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
  const list = useListParams(["grid", "isLiaisonHead", "livesAlone", "isElderly"]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(list.q);
  const [grid, setGrid] = useState(list.filters.grid ?? "");

  const filters: Omit<ResidentListQuery, "page" | "pageSize"> = {
    q: list.q || undefined,
    grid: list.filters.grid,
    isLiaisonHead: list.filters.isLiaisonHead as Flag,
    livesAlone: list.filters.livesAlone as Flag,
    isElderly: list.filters.isElderly as Flag,
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

  const yesNo = (key: string, label: string, width = 120) => (
    <Select
      allowClear
      style={{ width }}
      placeholder={label}
      value={list.filters[key]}
      onChange={(value) => list.update({ [key]: value })}
      options={[
        { value: "true", label: `${label}：${t("common:yes")}` },
        { value: "false", label: `${label}：${t("common:no")}` },
      ]}
    />
  );

  return (
    <Card>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0, marginRight: 8 }}>
          {t("title")}
        </Typography.Title>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t("searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => list.update({ q: value.trim() })}
        />
        <Input
          allowClear
          style={{ width: 120 }}
          placeholder={t("field.grid")}
          value={grid}
          onChange={(e) => {
            setGrid(e.target.value);
            if (!e.target.value) list.update({ grid: undefined });
          }}
          onPressEnter={() => list.update({ grid: grid.trim() })}
          onBlur={() => list.update({ grid: grid.trim() })}
        />
        {yesNo("isElderly", t("elderly"), 130)}
        {yesNo("livesAlone", t("field.livesAlone"), 130)}
        {yesNo("isLiaisonHead", t("field.isLiaisonHead"), 140)}
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
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      <Table<Resident>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={list.q ? t("common:emptySearch") : t("empty")} /> }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter as never)}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:total", { total }),
        }}
        columns={[
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
          ...(can("personal.unmask")
            ? [
                {
                  title: t("common:actions"),
                  key: "reveal",
                  width: 90,
                  fixed: "right" as const,
                  render: (_: unknown, r: Resident) =>
                    r.masked && !revealed[r.id] ? (
                      <Button
                        type="link"
                        size="small"
                        icon={<EyeOutlined />}
                        loading={revealing === r.id}
                        onClick={() => show(r.id)}
                        title={t("revealHint")}
                      >
                        {t("common:action.reveal")}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
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
