// counter: replaced by the module's page.
export default function CataloguePage() {
  return null;
}
