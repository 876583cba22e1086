import {
  CampaignEvent,
  CampaignState,
  evolve,
  evolveCampaign,
  InspectionEvent,
  InspectionState,
  isCampaignEvent,
  isInspectionEvent,
  RecordedEvent,
  streamIds,
} from '@inspectorate/domain';
import { actionRows, CampaignRow, campaignRow, caseRows, findingRows, inspectionRow } from '@inspectorate/read-model/rows';
import { ReportRows } from './input';

/** Which inspections (and campaigns) a replay keeps; everything else is skipped after its first event. */
export interface ReplayScope {
  readonly year?: number;
  readonly unitId?: string;
  readonly campaignId?: string;
}

interface Folded<S> {
  state: S;
  version: number;
  lastAt: string;
}

/**
 * "As of a past date": folds the events that had occurred by then through the domain's own
 * `evolve` (and `evolveCampaign`), in memory, and builds the read model's rows with the same
 * row builders the projector uses. The reports then run on these rows exactly as on the live
 * tables: one code path for the numbers.
 *
 * Feed it the log in position order (`apply` may be called once per page).
 */
export class ReportReplay {
  private readonly inspections = new Map<string, Folded<InspectionState>>();
  private readonly campaigns = new Map<string, Folded<CampaignState>>();
  private readonly skipped = new Set<string>();
  private eventsFolded = 0;

  constructor(private readonly scope: ReplayScope = {}) {}

  apply(events: Iterable<RecordedEvent>): void {
    for (const event of events) {
      if (this.skipped.has(event.streamId)) continue;
      const kind = streamIds.parse(event.streamId)?.kind;
      if (kind === 'inspection' && isInspectionEvent(event)) this.foldInspection(event);
      else if (kind === 'campaign' && isCampaignEvent(event)) this.foldCampaign(event);
    }
  }

  /** How many events went into the rows (the rest belonged to streams out of scope). */
  get folded(): number {
    return this.eventsFolded;
  }

  rows(): ReportRows {
    const states = [...this.inspections.values()];
    return {
      inspections: states.map((f) => inspectionRow(f.state, f.version, new Date(f.lastAt))),
      findings: states.flatMap((f) => findingRows(f.state)),
      actions: states.flatMap((f) => actionRows(f.state)),
      cases: states.flatMap((f) => caseRows(f.state)),
    };
  }

  campaign(id: string): CampaignRow | undefined {
    const folded = this.campaigns.get(streamIds.campaign(id));
    return folded ? campaignRow(folded.state, folded.version) : undefined;
  }

  private foldInspection(event: RecordedEvent<InspectionEvent>): void {
    const current = this.inspections.get(event.streamId);
    if (!current) {
      if (event.type !== 'InspectionPlanned') return this.skip(event.streamId);
      const planned = event.data;
      const { year, unitId, campaignId } = this.scope;
      if (
        (year !== undefined && planned.year !== year) ||
        (unitId && planned.unitId !== unitId) ||
        (campaignId && planned.campaignId !== campaignId)
      ) {
        return this.skip(event.streamId);
      }
    }
    const state = evolve(current?.state, event);
    this.inspections.set(event.streamId, { state, version: event.version, lastAt: event.occurredAt });
    this.eventsFolded += 1;
  }

  private foldCampaign(event: RecordedEvent<CampaignEvent>): void {
    const current = this.campaigns.get(event.streamId);
    if (!current) {
      const { year, campaignId } = this.scope;
      if (event.type !== 'CampaignCreated' || (campaignId === undefined && year === undefined)) return this.skip(event.streamId);
      const created = event.data;
      if ((campaignId && created.campaignId !== campaignId) || (year !== undefined && created.year !== year))
        return this.skip(event.streamId);
    }
    const state = evolveCampaign(current?.state, event);
    this.campaigns.set(event.streamId, { state, version: event.version, lastAt: event.occurredAt });
    this.eventsFolded += 1;
  }

  private skip(streamId: string): void {
    this.skipped.add(streamId);
  }
}
