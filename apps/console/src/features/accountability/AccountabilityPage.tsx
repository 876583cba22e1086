export default function AccountabilityPage() {
  return <section><h1>AccountabilityPage</h1></section>;
}
