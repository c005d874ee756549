// counter: replaced by the module's page.
export default function ServicesPage() {
  return null;
}
