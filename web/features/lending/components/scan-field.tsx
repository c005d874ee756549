import { CameraOutlined, ScanOutlined } from "@ant-design/icons";
import { Alert, Button, Input, type InputRef, Modal, Space } from "antd";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => Detector;

const detectorClass = (): DetectorClass | null => (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector ?? null;

export interface ScanFieldHandle {
  focus(): void;
  clear(): void;
  /** Selects what was scanned, so the next scan replaces it. */
  select(): void;
}

/**
 * The desk's first field: a hand scanner types the label's code and presses Enter; the code can also be typed.
 * Where the browser has BarcodeDetector, a camera button reads the QR code instead.
 */
export const ScanField = forwardRef<ScanFieldHandle, { onScan: (code: string) => void; loading?: boolean }>(function ScanField(
  { onScan, loading },
  ref,
) {
  const { t } = useTranslation("lending");
  const input = useRef<InputRef>(null);
  const [text, setText] = useState("");
  const [camera, setCamera] = useState(false);
  useImperativeHandle(ref, () => ({
    focus: () => input.current?.focus(),
    clear: () => setText(""),
    select: () => input.current?.select(),
  }));
  useEffect(() => {
    input.current?.focus();
  }, []);
  const submit = (value: string) => {
    const code = value.trim();
    if (code) onScan(code);
  };
  return (
    <>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          ref={input}
          size="large"
          prefix={<ScanOutlined style={{ fontSize: 22, color: "#b91c1c" }} />}
          placeholder={t("desk.scanPlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => submit(text)}
          onFocus={(e) => e.target.select()}
          style={{ fontSize: 22, height: 60, fontFamily: "ui-monospace, Menlo, monospace" }}
          autoComplete="off"
          data-testid="desk-scan"
        />
        <Button size="large" type="primary" style={{ height: 60, minWidth: 96 }} loading={loading} onClick={() => submit(text)}>
          {t("desk.lookup")}
        </Button>
        {detectorClass() && (
          <Button size="large" style={{ height: 60 }} icon={<CameraOutlined />} onClick={() => setCamera(true)}>
            {t("desk.camera")}
          </Button>
        )}
      </Space.Compact>
      {camera && (
        <CameraScan
          onClose={() => setCamera(false)}
          onCode={(code) => {
            setCamera(false);
            setText(code);
            submit(code);
          }}
        />
      )}
    </>
  );
});

function CameraScan({ onClose, onCode }: { onClose: () => void; onCode: (code: string) => void }) {
  const { t } = useTranslation("lending");
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new Detector({ formats: ["qr_code"] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (!video.current || stopped) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped && video.current) {
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]?.rawValue) {
            onCode(found[0].rawValue);
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch (error) {
        setFailure(t("desk.cameraFailed", { reason: (error as Error).message }));
      }
    })();
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, t]);
  return (
    <Modal open title={t("desk.cameraTitle")} onCancel={onClose} footer={null} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <video ref={video} style={{ width: "100%", borderRadius: 8, background: "#000" }} muted playsInline />
    </Modal>
  );
}
