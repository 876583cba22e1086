import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types';

/**
 * Message catalogues, one per feature and language: i18n/<language>/<feature>.json, a namespace
 * each. The unit test apps/console/test/i18n-catalogues.unit.spec.ts fails when a key exists in
 * one language only.
 */
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });

function resourcesFor(language: Language): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const [file, messages] of Object.entries(catalogues)) {
    const match = /^\.\/(vi|en)\/(.+)\.json$/.exec(file);
    if (match && match[1] === language) resources[match[2]] = messages;
  }
  return resources;
}

export async function startI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { vi: resourcesFor('vi'), en: resourcesFor('en') },
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
