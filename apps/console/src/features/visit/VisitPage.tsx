export default function VisitPage() {
  return <section><h1>VisitPage</h1></section>;
}
