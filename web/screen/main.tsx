import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./screen.css";
import { ScreenApp } from "./screen-app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from screen/index.html");
createRoot(root).render(
  <StrictMode>
    <ScreenApp />
  </StrictMode>,
);
