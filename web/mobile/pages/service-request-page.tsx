// counter: replaced by the module's page.
export default function ServiceRequestPage() {
  return null;
}
