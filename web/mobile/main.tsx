import { unstableSetRender } from "antd-mobile";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { i18nReady } from "../app/i18n.ts";
import { askMeEarly, meAnswered } from "../app/session.tsx";
import "./mobile.css";
import { MobileApp } from "./mobile-app.tsx";

// antd-mobile 5 renders imperative dialogs and toasts with the pre-19 ReactDOM.render, which React 19 removed:
// hand it createRoot, or Dialog.confirm silently shows nothing.
unstableSetRender((node, container) => {
  const host = container as Element & { _ddRoot?: ReturnType<typeof createRoot> };
  host._ddRoot ??= createRoot(container);
  host._ddRoot.render(node);
  return async () => {
    await Promise.resolve();
    host._ddRoot?.unmount();
    delete host._ddRoot;
  };
});

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from m/index.html");

// Who is signed in is asked at once (its answer usually arrives while the scripts still load); the stored
// language's texts meanwhile (English loads on demand, app/i18n.ts). The first render waits for both, so the first
// screen is drawn whole rather than as a loading screen redrawn a moment later.
askMeEarly();
await Promise.all([i18nReady, meAnswered()]);
createRoot(root).render(
  <StrictMode>
    <MobileApp />
  </StrictMode>,
);
