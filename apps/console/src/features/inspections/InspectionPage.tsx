export default function InspectionPage() {
  return <section><h1>InspectionPage</h1></section>;
}
