import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./app/i18n.ts";
import { ConsoleProviders } from "./app/providers.tsx";
import { ConsoleRouter } from "./app/router.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <ConsoleProviders>
      <ConsoleRouter />
    </ConsoleProviders>
  </StrictMode>,
);
