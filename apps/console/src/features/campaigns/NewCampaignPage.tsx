export default function NewCampaignPage() {
  return <section><h1>NewCampaignPage</h1></section>;
}
