// duty: replaced by the module's page.
export default function RedShieldSessionPage() {
  return null;
}
