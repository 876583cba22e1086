export default function CampaignPage() {
  return <section><h1>CampaignPage</h1></section>;
}
