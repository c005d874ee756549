// lending: replaced by the module's page.
export default function FairScalePage() {
  return null;
}
