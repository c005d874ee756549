import { Alert, App, Checkbox, Empty, Form, Input, Modal, Spin, type UploadFile } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { branchMeetingHoldSchema } from "../../../../contracts/party.ts";
import { errorMessage } from "../../../app/api-client.ts";
import { applyServerErrors, validateWith } from "../../../app/form-errors.ts";
import { PhotoUpload, uploadedIds, uploadsPending } from "../../../components/photo-upload.tsx";
import { useHoldBranchMeeting } from "../api/hold-branch-meeting.ts";
import { useMembers } from "../api/list-members.ts";
import type { BranchMeeting } from "../api/types.ts";

/** Record a meeting as held: minutes, up to 9 photos and the members present. */
export function HoldMeetingModal({ meeting, onClose }: { meeting: BranchMeeting | null; onClose: () => void }) {
  const { t } = useTranslation("party");
  const { message } = App.useApp();
  const [form] = Form.useForm<{ minutes?: string; memberIds?: number[] }>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const hold = useHoldBranchMeeting();
  const members = useMembers({ branchId: meeting?.branchId, page: 1, pageSize: 200 }, meeting !== null);
  const present = (members.data?.items ?? []).filter((m) => m.status !== "transferred_out");
  const chosen = Form.useWatch("memberIds", form) ?? [];

  useEffect(() => {
    if (!meeting) return;
    form.resetFields();
    setPhotos([]);
    setFailure(null);
  }, [meeting, form]);

  const submit = async () => {
    if (!meeting) return;
    setFailure(null);
    if (uploadsPending(photos)) return;
    const v = form.getFieldsValue();
    const input = { minutes: v.minutes ?? "", photoIds: uploadedIds(photos), memberIds: v.memberIds ?? [], version: meeting.version };
    const checked = validateWith(branchMeetingHoldSchema, input, form);
    if (!checked.ok) {
      if (checked.unplaced.length) setFailure(checked.unplaced.join("；"));
      return;
    }
    try {
      await hold.mutateAsync({ id: meeting.id, input: checked.data });
      message.success(t("branchLife.held"));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, form)) setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open={meeting !== null}
      title={meeting ? t("branchLife.holdTitle", { title: meeting.title }) : ""}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ "data-testid": "hold-ok" } as never}
      confirmLoading={hold.isPending}
      destroyOnHidden
      width={680}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="minutes" label={t("field.minutes")} required extra={t("branchLife.minutesHint")}>
          <Input.TextArea rows={5} maxLength={20000} showCount data-testid="hold-minutes" />
        </Form.Item>
        <Form.Item label={t("field.photos")} name="photoIds" getValueProps={() => ({})} trigger="onPhotoIdsUnused">
          <PhotoUpload value={photos} onChange={setPhotos} max={9} />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label={
            <span>
              {t("field.attendance")} · {t("branchLife.attendanceCount", { count: chosen.length })}
            </span>
          }
        >
          {members.isPending ? (
            <Spin />
          ) : present.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("branchLife.noMembers")} />
          ) : (
            <Checkbox.Group
              style={{ display: "grid", gridTemplateColumns: "repeat(4, 1fr)", gap: 8 }}
              options={present.map((m) => ({ value: m.id, label: m.name }))}
            />
          )}
        </Form.Item>
        {present.length > 0 && (
          <Checkbox
            checked={chosen.length === present.length}
            indeterminate={chosen.length > 0 && chosen.length < present.length}
            onChange={(e) => form.setFieldsValue({ memberIds: e.target.checked ? present.map((m) => m.id) : [] })}
          >
            {t("branchLife.checkAll")}
          </Checkbox>
        )}
      </Form>
    </Modal>
  );
}
