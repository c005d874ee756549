import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./app/console.css";
import { i18nReady } from "./app/i18n.ts";
import { ConsoleProviders } from "./app/providers.tsx";
import { ConsoleRouter } from "./app/router.tsx";

// The mobile router's home is `/m`, without the slash, which the server answers with this console page:
// send the browser to the mobile app's own page instead.
if (window.location.pathname === "/m") window.location.replace(`/m/${window.location.search}${window.location.hash}`);

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// The stored language's texts first (English loads on demand, app/i18n.ts).
await i18nReady;
createRoot(root).render(
  <StrictMode>
    <ConsoleProviders>
      <ConsoleRouter />
    </ConsoleProviders>
  </StrictMode>,
);
