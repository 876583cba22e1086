export default function ApprovalsPage() {
  return <section><h1>ApprovalsPage</h1></section>;
}
