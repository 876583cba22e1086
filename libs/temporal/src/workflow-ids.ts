/** Workflow ids are derived from domain ids, so a retried start can never create a twin. */
export const workflowIds = {
  inspection: (inspectionId: string) => `inspection-${inspectionId}`,
  campaign: (campaignId: string) => `campaign-${campaignId}`,
};
