// lending: replaced by the module's page.
export default function ReweighPage() {
  return null;
}
