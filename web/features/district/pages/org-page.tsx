// 组织架构: the district's streets, communities and stations as a tree; add a unit under the one chosen, edit it,
// and see a station's onboarding checklist (accounts, alliance units, service items, duty roster) with where to do
// each item.
import { ApartmentOutlined, EditOutlined, EnvironmentOutlined, HomeOutlined, PlusOutlined, ShopOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Empty, Input, Row, Skeleton, Space, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree/index.js";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrgKind, OrgUnitDetail } from "../../../../contracts/org.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { formatDateTime } from "../../../app/format.ts";
import { useListParams } from "../../../app/use-list-params.ts";
import { useManagedUnits, useOnboarding } from "../api/org-units.ts";
import { OnboardingList, OnboardingTag } from "../components/onboarding-list.tsx";
import { type OrgDrawerState, OrgUnitDrawer } from "../components/org-unit-drawer.tsx";

const kindIcons: Record<OrgKind, ReactNode> = {
  district: <ApartmentOutlined />,
  street: <EnvironmentOutlined />,
  community: <HomeOutlined />,
  station: <ShopOutlined />,
};
const childKind = { district: "street", street: "community", community: "station" } as const;

export default function OrgPage() {
  const { t } = useTranslation("district");
  const units = useManagedUnits();
  const onboarding = useOnboarding(true);
  const list = useListParams(["unit"]);
  const [drawer, setDrawer] = useState<OrgDrawerState>(null);
  const [search, setSearch] = useState("");
  const rows = units.data ?? [];
  const onboardingOf = new Map((onboarding.data ?? []).map((o) => [o.stationId, o]));
  const selected = rows.find((u) => String(u.id) === list.filters.unit) ?? rows.find((u) => u.kind === "district") ?? rows[0];
  const children = selected ? rows.filter((u) => u.parentId === selected.id) : [];

  const treeData = useMemo(() => {
    const byParent = new Map<number | null, OrgUnitDetail[]>();
    const ids = new Set(rows.map((r) => r.id));
    for (const u of rows) {
      const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
      byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
    }
    const needle = search.trim().toLowerCase();
    const matches = (u: OrgUnitDetail): boolean =>
      !needle || u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle) || (byParent.get(u.id) ?? []).some(matches);
    const build = (parent: number | null): DataNode[] =>
      (byParent.get(parent) ?? []).filter(matches).map((u) => ({
        key: String(u.id),
        icon: kindIcons[u.kind],
        title: (
          <Space size={6} data-testid={`org-node-${u.id}`}>
            <span>{u.name}</span>
            {u.kind === "station" && <OnboardingTag onboarding={onboardingOf.get(u.id)} />}
          </Space>
        ),
        children: build(u.id),
      }));
    return build(null);
  }, [rows, search, onboardingOf]);

  const stationOnboarding = selected?.kind === "station" ? onboardingOf.get(selected.id) : undefined;
  const addKind = selected && selected.kind !== "station" ? childKind[selected.kind] : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("org.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("org.hint")}</Typography.Text>
        </div>
      </Card>
      {units.isError && <Alert type="error" showIcon title={errorMessage(units.error)} />}
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card styles={{ body: { padding: 12 } }}>
            <Input.Search
              allowClear
              placeholder={t("org.search")}
              aria-label={t("org.search")}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {units.isPending ? (
              <Skeleton active />
            ) : (
              <Tree
                showIcon
                blockNode
                defaultExpandAll
                key={`${rows.length}-${search}`}
                data-testid="org-tree"
                treeData={treeData}
                selectedKeys={selected ? [String(selected.id)] : []}
                onSelect={(keys) => keys[0] && list.update({ unit: String(keys[0]) })}
                style={{ minHeight: 360 }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {!selected ? (
            <Card>
              <Empty description={t("org.select")} />
            </Card>
          ) : (
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <Card
                data-testid="org-detail"
                title={
                  <Space>
                    {kindIcons[selected.kind]}
                    <span>{selected.name}</span>
                    <Tag>{t(`org.kinds.${selected.kind}`)}</Tag>
                  </Space>
                }
                extra={
                  <Space wrap>
                    {selected.kind !== "district" && (
                      <Button icon={<EditOutlined />} onClick={() => setDrawer({ mode: "edit", unit: selected })} data-testid="org-edit">
                        {t("org.edit")}
                      </Button>
                    )}
                    {addKind && (
                      <Button
                        type="primary"
                        icon={<PlusOutlined />}
                        data-testid={`org-add-${addKind}`}
                        onClick={() => setDrawer({ mode: "create", parent: selected, kind: addKind })}
                      >
                        {selected.kind === "district" ? t("org.addStreet") : t(`org.addChild.${selected.kind}`)}
                      </Button>
                    )}
                  </Space>
                }
              >
                <Descriptions column={{ xs: 1, md: 2 }} size="small">
                  <Descriptions.Item label={t("org.field.code")}>{selected.code}</Descriptions.Item>
                  <Descriptions.Item label={t("org.field.address")}>{selected.address ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label={t("org.field.parent")}>
                    {rows.find((u) => u.id === selected.parentId)?.name ?? "—"}
                  </Descriptions.Item>
                  <Descriptions.Item label={t("org.field.updatedAt")}>
                    {selected.updatedAt ? formatDateTime(selected.updatedAt) : "—"}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              {selected.kind === "station" ? (
                <Card title={t("onboarding.title")} data-testid="station-onboarding">
                  {stationOnboarding ? <OnboardingList onboarding={stationOnboarding} /> : <Skeleton active />}
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    <Link to={`/district?station=${selected.id}`}>{t("menu.compare")}</Link>
                  </Typography.Paragraph>
                </Card>
              ) : (
                <Card title={t("org.children")}>
                  {children.length === 0 ? (
                    <Empty description={t("org.empty")} />
                  ) : (
                    <Space wrap>
                      {children.map((c) => (
                        <Button key={c.id} icon={kindIcons[c.kind]} onClick={() => list.update({ unit: String(c.id) })}>
                          {c.name}
                        </Button>
                      ))}
                    </Space>
                  )}
                </Card>
              )}
            </Space>
          )}
        </Col>
      </Row>
      <OrgUnitDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onSaved={(unit) => {
          setDrawer(null);
          list.update({ unit: String(unit.id) });
        }}
      />
    </Space>
  );
}
