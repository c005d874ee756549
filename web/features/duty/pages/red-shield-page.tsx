// duty: replaced by the module's page.
export default function RedShieldPage() {
  return null;
}
