// lending: replaced by the module's page.
export default function LoansPage() {
  return null;
}
