// The query form of lists with more than two filters: the filters side by side, applied together with 查询 and
// cleared with 重置 (the list's state stays in the address, see use-list-params).
import { Button, Form, Space } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

export interface QueryField {
  name: string;
  /** The filter's label, shown as its placeholder or caption. */
  label: string;
  input: ReactNode;
  width?: number;
}

export interface QueryFormProps {
  fields: QueryField[];
  /** The filters as the address holds them now. */
  values: Record<string, unknown>;
  /** Apply the form's values (an emptied field is undefined). */
  onSearch: (values: Record<string, unknown>) => void;
  /** Buttons placed after 查询/重置 (export, import, create). */
  extra?: ReactNode;
}

export function QueryForm({ fields, values, onSearch, extra }: QueryFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const key = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address's values, compared by content
  useEffect(() => {
    form.setFieldsValue(values);
  }, [key]);
  const clean = (v: Record<string, unknown>) =>
    Object.fromEntries(fields.map((f) => [f.name, v[f.name] === "" || v[f.name] === null ? undefined : v[f.name]]));
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={values}
      onFinish={(v) => onSearch(clean(v))}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="query-form"
    >
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} aria-label={f.label} style={{ marginInlineEnd: 12 }}>
          {f.input}
        </Form.Item>
      ))}
      <Form.Item style={{ marginInlineEnd: 12 }}>
        <Space>
          <Button type="primary" htmlType="submit">
            {t("list.query")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              const empty = Object.fromEntries(fields.map((f) => [f.name, undefined]));
              form.setFieldsValue(empty);
              onSearch(empty);
            }}
          >
            {t("list.reset")}
          </Button>
        </Space>
      </Form.Item>
      {extra && <div style={{ marginInlineStart: "auto" }}>{extra}</div>}
    </Form>
  );
}
