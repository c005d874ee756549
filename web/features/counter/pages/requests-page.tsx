// counter: replaced by the module's page.
export default function RequestsPage() {
  return null;
}
