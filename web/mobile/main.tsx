import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../app/i18n.ts";
import "./mobile.css";
import { MobileApp } from "./mobile-app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from m/index.html");

createRoot(root).render(
  <StrictMode>
    <MobileApp />
  </StrictMode>,
);
