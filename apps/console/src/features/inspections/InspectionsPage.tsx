export default function InspectionsPage() {
  return <section><h1>InspectionsPage</h1></section>;
}
