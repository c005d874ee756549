// The query form of lists with more than two filters: the filters side by side, applied together with 查询 and
// cleared with 重置 (the list's state stays in the address, see use-list-params). A date range is one field in the
// form and two values in the address (its ends); a switch or checkbox is "true" in the address or nothing.
import { Button, Form, Select, type SelectProps, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

export interface QueryRange {
  /** The address's names of the range's two ends. */
  from: string;
  to: string;
  /** The address's value → the date it shows (YYYY-MM-DD); the value itself by default. */
  toDate?: (value: string) => string;
  /** A chosen date (YYYY-MM-DD) → the address's value for that end; the date itself by default. */
  fromDate?: (date: string, end: "from" | "to") => string;
}

export interface QueryField {
  name: string;
  /** The filter's label, shown as its placeholder or caption. */
  label: string;
  input: ReactNode;
  /** "checked" for a switch or checkbox: checked is "true" in the address, unchecked nothing. */
  valuePropName?: "checked";
  /** A date range picker, kept in the address as its two ends. */
  range?: QueryRange;
}

export interface QueryFormProps {
  fields: QueryField[];
  /** The filters as the address holds them now (a range's ends by their own names). */
  values: Record<string, unknown>;
  /** Apply the form's values (an emptied field is undefined; a range gives its two ends). */
  onSearch: (values: Record<string, unknown>) => void;
  /** Buttons placed after 查询/重置 (export, import, create). */
  extra?: ReactNode;
}

/** A switch with its caption, for a yes/no filter of the query form (valuePropName "checked"). */
export function QuerySwitch({ checked, onChange, label }: { checked?: boolean; onChange?: (on: boolean) => void; label: string }) {
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 6, height: 32 }}>
      <Switch size="small" checked={checked ?? false} onChange={onChange} aria-label={label} />
      {label}
    </span>
  );
}

/** A drop-down filter of the query form: cleared with ×, its label its placeholder and accessible name. */
export function selectField(
  name: string,
  label: string,
  options: SelectProps["options"],
  { width = 150, search = false }: { width?: number; search?: boolean } = {},
): QueryField {
  return {
    name,
    label,
    input: (
      <Select
        allowClear
        showSearch={search ? { optionFilterProp: "label" } : undefined}
        style={{ width }}
        placeholder={label}
        aria-label={label}
        options={options}
      />
    ),
  };
}

const empty = (v: unknown) => v === undefined || v === null || v === "";

/** The address's values as the form's fields hold them. */
export function formValuesOf(fields: QueryField[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.range) {
      const { from, to, toDate = (v: string) => v } = f.range;
      const a = values[from];
      const b = values[to];
      out[f.name] =
        empty(a) && empty(b) ? undefined : [empty(a) ? null : dayjs(toDate(String(a))), empty(b) ? null : dayjs(toDate(String(b)))];
    } else if (f.valuePropName === "checked") {
      out[f.name] = values[f.name] === true || values[f.name] === "true";
    } else {
      out[f.name] = empty(values[f.name]) ? undefined : values[f.name];
    }
  }
  return out;
}

/** The form's fields as the address holds them: every name the form owns, emptied ones undefined. */
export function addressValuesOf(fields: QueryField[], form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = form[f.name];
    if (f.range) {
      const { from, to, fromDate = (d: string) => d } = f.range;
      const [a, b] = (Array.isArray(v) ? v : []) as (Dayjs | null | undefined)[];
      out[from] = a ? fromDate(a.format("YYYY-MM-DD"), "from") : undefined;
      out[to] = b ? fromDate(b.format("YYYY-MM-DD"), "to") : undefined;
    } else if (f.valuePropName === "checked") {
      out[f.name] = v ? "true" : undefined;
    } else {
      out[f.name] = typeof v === "string" ? v.trim() || undefined : empty(v) ? undefined : v;
    }
  }
  return out;
}

export function QueryForm({ fields, values, onSearch, extra }: QueryFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const shown = formValuesOf(fields, values);
  const key = JSON.stringify(shown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address's values, compared by content
  useEffect(() => {
    form.setFieldsValue(shown);
  }, [key]);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={shown}
      onFinish={(v) => onSearch(addressValuesOf(fields, v))}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="query-form"
    >
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} aria-label={f.label} valuePropName={f.valuePropName} style={{ marginInlineEnd: 12 }}>
          {f.input}
        </Form.Item>
      ))}
      <Form.Item style={{ marginInlineEnd: 12 }}>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="query-submit">
            {t("list.query")}
          </Button>
          <Button
            data-testid="query-reset"
            onClick={() => {
              const cleared = addressValuesOf(fields, {});
              form.setFieldsValue(formValuesOf(fields, cleared));
              onSearch(cleared);
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
