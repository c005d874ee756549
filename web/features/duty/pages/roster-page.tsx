// duty: replaced by the module's page.
export default function RosterPage() {
  return null;
}
