import { api, call } from '../../api/client';
import type { components } from '../../api/openapi';

type Schemas = components['schemas'];
export type CalendarEntry = Schemas['CalendarEntryView'];
export type NewCalendarEntry = Schemas['CreateCalendarEntryDto'];
export type CalendarEntryChanges = Schemas['UpdateCalendarEntryDto'];
export type CorrectionPreview = Schemas['CorrectionPreviewView'];
export type CorrectionResult = Schemas['CorrectionResultView'];

export const calendarKeys = {
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  corrections: ['calendar', 'corrections'] as const,
};

export const listYears = () => call(api.GET('/api/v1/calendar/years'));
export const readYear = (year: number) => call(api.GET('/api/v1/calendar/entries', { params: { query: { year } } }));
export const addEntry = (body: NewCalendarEntry, idempotencyKey: string) =>
  call(api.POST('/api/v1/calendar/entries', { body, headers: { 'Idempotency-Key': idempotencyKey } as never }));
export const changeEntry = (id: string, body: CalendarEntryChanges, idempotencyKey: string) =>
  call(api.PATCH('/api/v1/calendar/entries/{id}', { params: { path: { id } }, body, headers: { 'Idempotency-Key': idempotencyKey } as never }));
export const removeEntry = (id: string, idempotencyKey: string) =>
  call(api.POST('/api/v1/calendar/entries/{id}/remove', { params: { path: { id } }, body: {}, headers: { 'Idempotency-Key': idempotencyKey } as never }));
export const previewCorrection = () => call(api.GET('/api/v1/calendar/corrections'));
export const applyCorrection = (reason: string, idempotencyKey: string) =>
  call(api.POST('/api/v1/calendar/corrections', { body: { reason }, headers: { 'Idempotency-Key': idempotencyKey } as never }));

/** Every query a calendar change makes stale: the year shown, the list of years, and the preview of the correction. */
export const AFTER_EDIT: unknown[][] = [['calendar']];
