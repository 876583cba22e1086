import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { inspectionSight, UserActor } from '@inspectorate/domain';
import { INSPECTION_ID, people, T } from '@inspectorate/domain-testing/fixtures';
import { InspectionStory } from '@inspectorate/domain-testing/decider-spec';
import {
  awaitingApprovalStory,
  draftingStory,
  inProgressStory,
  planCommand,
  remediatingStory,
  REPRESENTATIVE_STORIES,
  withPendingExtension,
} from '@inspectorate/domain-testing/inspection-stories';
import type { StoredEvent } from '@inspectorate/event-store';
import { visibleEvents } from './inspection-events.view';
import { toInspectionView } from './inspection.view';

/**
 * What the inspection's mappers send, checked against what the committed OpenAPI document says
 * is sent: every key at every depth is described, every required one is there, and values have
 * the described type. The compiler already refuses undescribed fields written in the mappers'
 * literals; this catches what it cannot see (an object passed through, a spread), for every
 * status of the lifecycle as each kind of caller sees it.
 */
const document = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'openapi', 'openapi.json'), 'utf8')) as OpenAPIObject;

const actionOf = (story: InspectionStory, findingId: string) => story.state.actions.find((a) => a.findingId === findingId)!.id;

/** Beyond the representative stories: what they leave out, so that every described field is sent somewhere. */
const MORE_STORIES: Record<string, () => InspectionStory> = {
  'a follow-up, planned': () => InspectionStory.empty().run(people.lead, { ...planCommand(), followUpOf: 'inspection-ward-3-2025' }, T.planned),
  'in_progress, a finding amended with an attachment': () =>
    inProgressStory().run(people.inspectorAn, { type: 'AmendFinding', findingId: 'f-1', changes: { evidence: [{ attachmentId: 'attachment-1' }, { text: 'Sổ theo dõi' }] } }, '2026-03-10 11:00'),
  'drafting, a dissent before any conclusion': () => draftingStory().run(people.inspectorBinh, { type: 'RecordDissent', text: 'f-2 is too minor.' }, '2026-03-11 09:00'),
  'drafting again, the conclusion returned': () => awaitingApprovalStory().run(people.chairman, { type: 'ReturnConclusion', comment: 'Thiếu căn cứ pháp lý.' }, '2026-03-13 09:00'),
  'awaiting_response, extension granted': () =>
    withPendingExtension().run(people.lead, { type: 'DecideExtension', decision: 'granted', deadline: '2026-04-10', note: 'Đồng ý.' }, '2026-03-19 09:00'),
  'remediating, an action reported with an attachment, the case decided': () => {
    const story = remediatingStory();
    return story
      .run(people.unitHead, { type: 'ReportAction', actionId: actionOf(story, 'f-1'), note: 'Đã chấn chỉnh.', evidence: [{ attachmentId: 'attachment-2' }] }, '2026-04-13 10:00')
      .run(people.chairman, { type: 'DecideAccountability', caseId: story.state.cases[0].id, outcome: 'reminded', note: 'Nhắc nhở.' }, '2026-04-13 11:00');
  },
};

const STORIES: Record<string, () => InspectionStory> = { ...REPRESENTATIVE_STORIES, 'awaiting_response, extension asked': withPendingExtension, ...MORE_STORIES };
const CASES = Object.entries(STORIES).flatMap(([story, tell]) =>
  Object.entries(people).map(([person, viewer]) => ({ name: `${story}, seen by ${person}`, story: tell(), viewer: viewer as UserActor })),
);

describe('the inspection as sent', () => {
  const seen = new Set<string>();

  it.each(CASES)('$name: only described fields, every required one', ({ story, viewer }) => {
    const sent = JSON.parse(JSON.stringify(toInspectionView(story.state, story.events.length, viewer)));
    expect(offSchema(sent, named('InspectionView'), '', seen)).toEqual([]);
  });

  it.each(CASES)('$name: its events, likewise', ({ story, viewer }) => {
    const sent = JSON.parse(JSON.stringify(visibleEvents(storedEvents(story), inspectionSight(viewer, story.state))));
    expect(offSchema(sent, { type: 'array', items: { $ref: '#/components/schemas/InspectionEventView' } }, 'events', seen)).toEqual([]);
  });

  it('the stories send every field the inspection and its events describe (so the checks above check something)', () => {
    const described = describedPaths(named('InspectionView'), '').concat(describedPaths(named('InspectionEventView'), 'events[]'));
    expect(described.filter((p) => !seen.has(p))).toEqual([]);
  });
});

function storedEvents(story: InspectionStory): StoredEvent[] {
  return story.events.map((event, index) => ({
    ...event,
    id: `event-${index + 1}`,
    streamId: `inspection-${INSPECTION_ID}`,
    streamType: 'inspection',
    version: index + 1,
    position: index + 1,
    recordedAt: event.occurredAt,
    metadata: {},
    hash: 'hash',
    prevHash: null,
  })) as StoredEvent[];
}

type Schema = SchemaObject | ReferenceObject;

function named(name: string): SchemaObject {
  const schema = document.components?.schemas?.[name];
  if (!schema || '$ref' in schema) throw new Error(`no schema ${name}`);
  return schema;
}

/** A schema with its `$ref` and `allOf` (how Nest writes a described nested class) resolved into one object. */
function resolved(schema: Schema): SchemaObject {
  if ('$ref' in schema) return resolved(named(schema.$ref.replace('#/components/schemas/', '')));
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map(resolved);
  return {
    ...schema,
    ...Object.assign({}, ...parts),
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}),
    required: parts.flatMap((p) => p.required ?? []).concat(schema.required ?? []),
  };
}

/** Where `value` departs from `schema`, as paths; `seen` collects the paths of every key sent. */
function offSchema(value: unknown, schema: Schema, at: string, seen: Set<string>): string[] {
  const s = resolved(schema);
  if (value === null) return s.nullable ? [] : [`${at}: null, not described as nullable`];
  if (Array.isArray(value)) {
    if (s.type !== 'array' || !s.items) return [`${at}: an array, described as ${s.type}`];
    return value.flatMap((item) => offSchema(item, s.items!, `${at}[]`, seen));
  }
  if (typeof value === 'object') {
    if (s.additionalProperties === true && !s.properties) return [];
    const properties = s.properties ?? {};
    const keys = Object.keys(value as object);
    const problems = keys.flatMap((key) => {
      const path = at ? `${at}.${key}` : key;
      seen.add(path.replace(/^events\[\]\./, 'events[].'));
      if (!(key in properties)) return [`${path}: not described`];
      return offSchema((value as Record<string, unknown>)[key], properties[key], path, seen);
    });
    const missing = (s.required ?? []).filter((key) => !keys.includes(key)).map((key) => `${at ? `${at}.` : ''}${key}: required, missing`);
    return [...problems, ...missing];
  }
  const type = s.type === 'integer' ? (Number.isInteger(value) ? 'integer' : typeof value) : typeof value;
  if (type !== s.type) return [`${at}: a ${typeof value}, described as ${s.type}`];
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${String(value)} is not one of ${s.enum.join(', ')}`];
  return [];
}

/** Every path of a key the schema describes, at any depth (free-form objects end the path). */
function describedPaths(schema: Schema, at: string, depth = 0): string[] {
  const s = resolved(schema);
  if (depth > 6) return [];
  if (s.type === 'array' && s.items) return describedPaths(s.items, `${at}[]`, depth + 1);
  return Object.entries(s.properties ?? {}).flatMap(([key, property]) => {
    const path = at ? `${at}.${key}` : key;
    return [path, ...describedPaths(property, path, depth + 1)];
  });
}
