export default function CampaignsPage() {
  return <section><h1>CampaignsPage</h1></section>;
}
