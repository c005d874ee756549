import { Alert, App, DatePicker, Form, Input, Modal, Rate, Select, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addDays, stationDate } from "../../../../contracts/calendar.ts";
import { type Problem, problemActionSchema } from "../../../../contracts/problems.ts";
import { useAllianceUnits } from "../../../api/list-alliance-units.ts";
import { ApiError, errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { PhotoUpload, uploadedIds, uploadsPending } from "../../../components/photo-upload.tsx";
import { useProblemCategories } from "../api/list-categories.ts";
import { useProblemAction } from "../api/problem-action.ts";

/** Steps that need more than a click: each gets a small form. The photo field only carries server errors; the
 * uploader keeps its own list (hence no value or trigger wiring on its Form.Item). */
export type ModalAction = "reject" | "assign" | "note" | "resolve" | "confirm" | "reopen";

interface Values {
  reason?: string;
  unitId?: number;
  dueDate?: Dayjs | null;
  note?: string;
  rating?: number;
  comment?: string;
}

export function ProblemActionModal({
  problem,
  action,
  onClose,
  onConflict,
}: {
  problem: Problem;
  action: ModalAction | null;
  onClose: () => void;
  onConflict: (message: string) => void;
}) {
  const { t } = useTranslation("problems");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useProblemAction();
  const categories = useProblemCategories();
  const units = useAllianceUnits({ pageSize: 200, status: "active" } as never);
  const open = action !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPhotos([]);
    setFailure(null);
    if (action === "assign") {
      const limit = categories.data?.find((c) => c.code === problem.categoryCode)?.timeLimitDays;
      form.setFieldsValue({ unitId: problem.unitId ?? undefined, dueDate: limit ? dayjs(addDays(stationDate(new Date()), limit)) : null });
    }
  }, [open, action, form, categories.data, problem.categoryCode, problem.unitId]);

  const submit = async () => {
    if (!action) return;
    setFailure(null);
    if (uploadsPending(photos)) {
      setFailure(t("photosUploading"));
      return;
    }
    const v = form.getFieldsValue();
    if (action === "confirm" && !v.rating) {
      form.setFields([{ name: "rating", errors: [t("ratingRequired")] }]);
      return;
    }
    const base = { action, version: problem.version };
    const input =
      action === "reject" || action === "reopen"
        ? { ...base, reason: v.reason ?? "" }
        : action === "assign"
          ? { ...base, unitId: v.unitId, ...(v.dueDate ? { dueDate: v.dueDate.format("YYYY-MM-DD") } : {}) }
          : action === "note" || action === "resolve"
            ? { ...base, note: v.note ?? "", photoIds: uploadedIds(photos) }
            : { ...base, rating: v.rating, comment: v.comment || null };
    const checked = validateWith(problemActionSchema, input, form);
    if (!checked.ok) {
      if (checked.unplaced.length) setFailure(checked.unplaced.join("；"));
      return;
    }
    try {
      await mutation.mutateAsync({ id: problem.id, input: checked.data });
      message.success(t(`done.${action}`));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.id === "record.conflict") {
        onClose();
        onConflict(error.message);
      } else if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={action ? t(`action.${action}`) : ""}
      onCancel={onClose}
      onOk={submit}
      okText={t("common:action.confirm")}
      okButtonProps={{ danger: action === "reject", "data-testid": "problem-action-ok" } as never}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={action === "note" || action === "resolve" ? 600 : 480}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        {(action === "reject" || action === "reopen") && (
          <Form.Item name="reason" label={t("field.reason")} required>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
        {action === "assign" && (
          <>
            <Form.Item name="unitId" label={t("field.unit")} required>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                loading={units.isPending}
                options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
                data-testid="assign-unit"
              />
            </Form.Item>
            <Form.Item name="dueDate" label={t("field.dueDate")} extra={t("dueDateHint")}>
              <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.format("YYYY-MM-DD") < stationDate(new Date())} />
            </Form.Item>
          </>
        )}
        {(action === "note" || action === "resolve") && (
          <>
            <Form.Item name="note" label={action === "resolve" ? t("field.resolution") : t("field.note")} required>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label={t("field.photos")} name="photoIds" getValueProps={() => ({})} trigger="onPhotoIdsUnused">
              <PhotoUpload value={photos} onChange={setPhotos} />
            </Form.Item>
          </>
        )}
        {action === "confirm" && (
          <>
            <Form.Item name="rating" label={t("field.rating")} required>
              <Rate data-testid="confirm-rating" />
            </Form.Item>
            <Form.Item name="comment" label={t("field.comment")}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
