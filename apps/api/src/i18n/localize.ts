import type { FieldProblem, ProblemDetails } from '../common/problem';
import {
  ACTION_PHRASES,
  ACTION_STATUS_NAMES,
  DETAIL_MESSAGES,
  EXTENSION_STATUS_NAMES,
  FIELD_MESSAGES,
  Language,
  LANGUAGES,
  OUTCOME_NAMES,
  Phrase,
  PROBLEM_TITLES,
  ROLE_NAMES,
  STATUS_NAMES,
  SUBJECT_NAMES,
} from './catalogue';

/**
 * The language an `Accept-Language` header asks for, among the two the API speaks: the one with
 * the highest weight (`vi-VN, en;q=0.5` → vi). Undefined when it names neither: the API then
 * answers in English, as it always did.
 */
export function requestedLanguage(header: string | string[] | undefined): Language | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || value.length > 512) return undefined;
  let best: { language: Language; weight: number } | undefined;
  for (const part of value.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0] as Language;
    if (!LANGUAGES.includes(primary)) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    if (Number.isFinite(weight) && weight > 0 && (!best || weight > best.weight)) best = { language: primary, weight };
  }
  return best?.language;
}

/** A problem in the caller's language: its title, detail and each field's message. */
export function localizeProblem(problem: ProblemDetails, language: Language): ProblemDetails {
  if (language === 'en') return problem;
  const title = PROBLEM_TITLES[problem.status]?.vi ?? problem.title;
  const errors = problem.errors?.map((e): FieldProblem => ({ ...e, message: translateFieldMessage(e.message, language) }));
  return { ...problem, title, detail: translateDetail(problem.detail, language), ...(errors ? { errors } : {}) };
}

export function translateDetail(message: string, language: Language): string {
  return translate(message, language, DETAIL_TEMPLATES);
}

export function translateFieldMessage(message: string, language: Language): string {
  return translate(message, language, FIELD_TEMPLATES);
}

interface Template {
  readonly phrase: Phrase;
  readonly pattern: RegExp;
}

function compile(phrases: readonly Phrase[]): Template[] {
  return phrases.map((phrase) => {
    const source = phrase.en
      .split(/(\{[a-zA-Z]+\})/)
      .map((piece) => (/^\{[a-zA-Z]+\}$/.test(piece) ? `(?<${piece.slice(1, -1)}>.+?)` : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { phrase, pattern: new RegExp(`^${source}$`, 's') };
  });
}

const DETAIL_TEMPLATES = compile(DETAIL_MESSAGES);
const FIELD_TEMPLATES = compile(FIELD_MESSAGES);

function translate(message: string, language: Language, templates: readonly Template[]): string {
  if (language === 'en') return message;
  for (const { phrase, pattern } of templates) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = match.groups ?? {};
    return phrase[language].replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => renderParameter(name, values[name] ?? '', language));
  }
  return message; // not in the catalogue: the English original, never a blank
}

const named = (table: Readonly<Record<string, Phrase>>) => (value: string, language: Language) => table[value]?.[language] ?? value;
const quoted = (text: string) => `“${text}”`;

/** How each named parameter of a template is rendered in the other language. */
const PARAMETER_KINDS: Readonly<Record<string, (value: string, language: Language) => string>> = {
  status: named(STATUS_NAMES),
  expected: (value, language) => {
    const names = value.split(/, | or /).map((s) => quoted(STATUS_NAMES[s]?.[language] ?? s));
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} hoặc ${names[names.length - 1]}`;
  },
  what: named(ACTION_PHRASES),
  role: named(ROLE_NAMES),
  roles: (value, language) => value.split(', ').map((r) => ROLE_NAMES[r]?.[language] ?? r).join(', '),
  subject: (value, language) => {
    const name = SUBJECT_NAMES[value]?.[language];
    return name ? name.charAt(0).toLowerCase() + name.slice(1) : value;
  },
  actionStatus: named(ACTION_STATUS_NAMES),
  extensionStatus: named(EXTENSION_STATUS_NAMES),
  outcome: named(OUTCOME_NAMES),
  fieldErrors: (value, language) =>
    value
      .split('; ')
      .map((item) => {
        const space = item.indexOf(' ');
        return space < 0 ? item : `${item.slice(0, space)} ${translateFieldMessage(item.slice(space + 1), language)}`;
      })
      .join('; '),
};

function renderParameter(name: string, value: string, language: Language): string {
  const kind = PARAMETER_KINDS[name];
  return kind ? kind(value, language) : value;
}
