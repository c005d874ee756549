// The economy's form drawers share one frame: the title, 取消 / 保存 on top, the form's own fields below, a
// confirmation before a drawer with changes is closed, the server's field errors put on the fields and any other
// refusal shown above the form. The fields that hold money, dates and months keep the contract's values (fen,
// YYYY-MM-DD, YYYY-MM) while the person types yuan and picks days, so the form's values are the request's body and
// the contract's and the server's field names are the form's.
import { Alert, App, Button, DatePicker, Drawer, Form, type FormInstance, InputNumber, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { yuanToFen } from "../../../app/money.ts";

export interface FormDrawerProps<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** The values the form opens with (a record's for an edit); the drawer is rebuilt each time it opens. */
  initialValues?: Partial<V>;
  onClose: () => void;
  /** Save the form's values; throw the API's error and the drawer shows it on the fields or above them. */
  onSave: (values: V) => Promise<unknown>;
  saving: boolean;
  testId: string;
  size?: number;
  children: ReactNode;
}

export function FormDrawer<V>({
  open,
  title,
  form,
  initialValues,
  onClose,
  onSave,
  saving,
  testId,
  size = 520,
  children,
}: FormDrawerProps<V>) {
  const { t } = useTranslation("economy");
  const { modal } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  // One form instance serves every opening (a new record, then an edit): each opening starts from its own values.
  // The fields are drawn once that reset is done: a reset under drawn fields redraws a `Form.List`, and under
  // `preserve={false}` the lines drawn before it take their values with them (the drawer opens without animation
  // for a person who asked for less motion, so its fields are drawn at once).
  const [reset, setReset] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setReset(true);
  }, [open, form]);
  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t("form.discardTitle"),
      content: t("form.discard"),
      okText: t("form.discardOk"),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };
  const save = async () => {
    setFailure(null);
    try {
      await onSave(form.getFieldsValue(true) as V);
    } catch (error) {
      if (error instanceof Unplaced) setFailure(error.message);
      else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={close}
      size={size}
      title={title}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) return;
        setFailure(null);
        setReset(false);
      }}
      extra={
        <Space>
          <Button onClick={close}>{t("common:action.cancel")}</Button>
          <Button type="primary" onClick={save} loading={saving} data-testid={`${testId}-save`}>
            {t("common:action.save")}
          </Button>
        </Space>
      }
      data-testid={testId}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {reset && children}
      </Form>
    </Drawer>
  );
}

/** A refusal the form could not place on a field (shown above the form). */
class Unplaced extends Error {}

/**
 * Check the values with the contract's schema: the fields are marked and `null` returned when they fail (issues for
 * no field are thrown to show above the form).
 */
export function checked<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance): z.output<S> | null {
  const result = validateWith(schema, values, form);
  if (result.ok) return result.data;
  if (result.unplaced.length) throw new Unplaced(result.unplaced.join("；"));
  return null;
}

type ItemProps = { name: string | (string | number)[]; label?: ReactNode; required?: boolean; testId?: string; extra?: ReactNode };

/** An amount typed in yuan (two decimals), held in fen. */
export function MoneyItem({ name, label, required, testId, extra, width = 200 }: ItemProps & { width?: number }) {
  return (
    <Form.Item
      name={name}
      label={label}
      required={required}
      extra={extra}
      getValueProps={(fen: number | null | undefined) => ({ value: typeof fen === "number" ? fen / 100 : fen })}
      normalize={(yuan: number | null) => (yuan === null || yuan === undefined ? undefined : yuanToFen(yuan))}
    >
      <InputNumber min={0} precision={2} prefix="¥" style={{ width }} data-testid={testId} />
    </Form.Item>
  );
}

/** A day picked on the calendar, held as YYYY-MM-DD. */
export function DateItem({ name, label, required, testId, picker }: ItemProps & { picker?: "month" }) {
  const format = picker === "month" ? "YYYY-MM" : "YYYY-MM-DD";
  return (
    <Form.Item
      name={name}
      label={label}
      required={required}
      getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d: Dayjs | null) => (d ? d.format(format) : undefined)}
    >
      <DatePicker picker={picker} style={{ width: 200 }} data-testid={testId} />
    </Form.Item>
  );
}
