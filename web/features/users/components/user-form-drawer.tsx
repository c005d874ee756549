import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select, Space, TreeSelect } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { assignableRoles, type Role } from "../../../../contracts/access.ts";
import type { OrgUnit } from "../../../../contracts/org.ts";
import { type User, userCreateSchema, userUpdateSchema } from "../../../../contracts/users.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, checkPassword, validateWith } from "../../../app/form-errors.ts";
import { useMe } from "../../../app/session.tsx";
import { useCreateUser } from "../api/create-user.ts";
import { useOrgUnits } from "../api/list-org-units.ts";
import { useUpdateUser } from "../api/update-user.ts";
import { LinkSelect } from "./link-select.tsx";

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  orgUnitId?: number;
  allianceUnitId?: number | null;
  merchantId?: number | null;
  residentId?: number | null;
  mobile?: string;
}

interface TreeNode {
  value: number;
  title: string;
  children: TreeNode[];
}

function orgTree(units: OrgUnit[], kindLabel: (kind: string) => string): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const u of units) nodes.set(u.id, { value: u.id, title: `${u.name}（${kindLabel(u.kind)}）`, children: [] });
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id) as TreeNode;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Which record an account of this role stands for. */
export function linkOf(role: Role | undefined): "allianceUnitId" | "merchantId" | "residentId" | null {
  if (role === "alliance_contact" || role === "department_officer") return "allianceUnitId";
  if (role === "merchant") return "merchantId";
  if (role === "resident" || role === "volunteer") return "residentId";
  return null;
}

export function UserFormDrawer({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t } = useTranslation("users");
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const orgUnits = useOrgUnits();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [failure, setFailure] = useState<string | null>(null);
  const role = Form.useWatch("role", form);
  const link = linkOf(role);

  const roles = assignableRoles(me.role);
  const tree = useMemo(
    () => orgTree(orgUnits.data ?? [], (kind) => t(`common:enum.orgKind.${kind}`, { defaultValue: kind })),
    [orgUnits.data, t],
  );

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        orgUnitId: user.orgUnitId,
        allianceUnitId: user.allianceUnitId,
        merchantId: user.merchantId,
        residentId: user.residentId,
        mobile: "",
      });
    else form.setFieldsValue({ orgUnitId: me.stations.length === 1 ? me.stations[0].id : me.orgUnitId });
  }, [open, user, form, me.stations, me.orgUnitId]);

  const submit = async () => {
    setFailure(null);
    const v = form.getFieldsValue();
    const links = {
      allianceUnitId: link === "allianceUnitId" ? (v.allianceUnitId ?? null) : null,
      merchantId: link === "merchantId" ? (v.merchantId ?? null) : null,
      residentId: link === "residentId" ? (v.residentId ?? null) : null,
    };
    try {
      if (user) {
        const input = {
          displayName: v.displayName ?? "",
          role: v.role,
          orgUnitId: v.orgUnitId,
          ...links,
          ...(v.mobile ? { mobile: v.mobile } : {}),
          version: user.version,
        };
        const checked = validateWith(userUpdateSchema, input, form);
        if (!checked.ok) return;
        await update.mutateAsync({ id: user.id, input: checked.data });
      } else {
        const input = {
          username: v.username ?? "",
          displayName: v.displayName ?? "",
          password: v.password ?? "",
          role: v.role,
          orgUnitId: v.orgUnitId,
          ...links,
          mobile: v.mobile || null,
        };
        const checked = validateWith(userCreateSchema, input, form);
        if (!checked.ok) return;
        if (!checkPassword(form, "password", checked.data.password, checked.data)) return;
        await create.mutateAsync(checked.data);
      }
      message.success(t("common:saved"));
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
      size={520}
      title={user ? t("edit", { name: user.username }) : t("create")}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={submit} loading={create.isPending || update.isPending}>
            {t("common:action.save")}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" autoComplete="off">
        {!user && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="username" label={t("field.username")} required extra={t("usernameHint")}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="password" label={t("field.initialPassword")} required extra={t("passwordHint")}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="displayName" label={t("field.displayName")} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="mobile" label={t("field.mobile")} extra={user?.mobile ? t("keepHint", { masked: user.mobile }) : undefined}>
              <Input maxLength={11} inputMode="numeric" placeholder={user?.mobile ?? undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="role" label={t("field.role")} required>
          <Select
            options={(roles.length ? roles : user ? [user.role] : []).map((r) => ({
              value: r,
              label: t(`common:enum.role.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t("field.orgUnit")} required>
          <TreeSelect treeData={tree} treeDefaultExpandAll loading={orgUnits.isPending} showSearch={{ treeNodeFilterProp: "title" }} />
        </Form.Item>
        {link === "allianceUnitId" && (
          <Form.Item name="allianceUnitId" label={t("field.allianceUnit")}>
            <LinkSelect kind="alliance-units" initialLabel={user?.allianceUnitName} placeholder={t("linkPlaceholder")} />
          </Form.Item>
        )}
        {link === "merchantId" && (
          <Form.Item name="merchantId" label={t("field.merchant")}>
            <LinkSelect kind="merchants" placeholder={t("linkPlaceholder")} />
          </Form.Item>
        )}
        {link === "residentId" && (
          <Form.Item name="residentId" label={t("field.resident")}>
            <LinkSelect kind="residents" placeholder={t("linkPlaceholder")} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
