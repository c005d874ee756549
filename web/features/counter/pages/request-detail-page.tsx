// counter: replaced by the module's page.
export default function RequestDetailPage() {
  return null;
}
