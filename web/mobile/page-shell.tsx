import { NavBar } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

const bar = { background: "#fff", borderBottom: "1px solid #eee", position: "sticky", top: 0, zIndex: 10 } as const;

/** One task per screen: a title bar with a way back, then the content. */
export function PageShell({
  title,
  children,
  back = "/",
  right,
}: {
  title: string;
  children: ReactNode;
  back?: string | null;
  right?: ReactNode;
}) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: "100vh", paddingBottom: 32 }}>
      {back === null ? (
        // No way back (a public page opened directly): the same bar without NavBar's left side, which is always a
        // button and would be one without a name or an action.
        <div className="adm-nav-bar" style={bar}>
          <div className="adm-nav-bar-left" />
          <div className="adm-nav-bar-title">{title}</div>
          <div className="adm-nav-bar-right">{right}</div>
        </div>
      ) : (
        <NavBar
          back=""
          // The bar's left side is a button: give it a name that screen readers say.
          left={<span className="dd-visually-hidden">{t("action.back")}</span>}
          onBack={() => (window.history.length > 1 ? navigate(-1) : navigate(back))}
          right={right}
          style={bar}
        >
          {title}
        </NavBar>
      )}
      {children}
    </div>
  );
}
