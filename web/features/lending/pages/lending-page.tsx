// lending: replaced by the module's page.
export default function LendingPage() {
  return null;
}
