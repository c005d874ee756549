// counter: replaced by the module's page.
export default function CounterPage() {
  return null;
}
