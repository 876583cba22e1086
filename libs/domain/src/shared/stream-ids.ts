/**
 * The one place that spells stream ids. Each inspection and each campaign is one stream of the
 * event log and one Temporal workflow, and both carry the same derived id (`inspection-<id>`,
 * `campaign-<id>`), so a retried start can never create a twin. Everything that builds, reads or
 * matches such an id (workflows, API, projector, reports, SQL) goes through here.
 */
export const STREAM_PREFIX = { inspection: 'inspection-', campaign: 'campaign-' } as const;

export type StreamKind = keyof typeof STREAM_PREFIX;

export const streamIds = {
  inspection: (inspectionId: string): string => `${STREAM_PREFIX.inspection}${inspectionId}`,
  campaign: (campaignId: string): string => `${STREAM_PREFIX.campaign}${campaignId}`,
  /** What a stream id names: its kind and the domain id; undefined for an id of neither kind. */
  parse(streamId: string): { readonly kind: StreamKind; readonly id: string } | undefined {
    for (const kind of Object.keys(STREAM_PREFIX) as StreamKind[]) {
      if (streamId.startsWith(STREAM_PREFIX[kind])) return { kind, id: streamId.slice(STREAM_PREFIX[kind].length) };
    }
    return undefined;
  },
};
