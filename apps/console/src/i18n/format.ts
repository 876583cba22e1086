import { useTranslation } from 'react-i18next';

/** The district works in Vietnam's time zone whatever the device says. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locales = { vi: 'vi-VN', en: 'en-GB' } as const;
const localeOf = (language: string) => (language === 'en' ? locales.en : locales.vi);

/** dd/mm/yyyy for an instant (ISO 8601 with offset) or a calendar date (YYYY-MM-DD, taken as is). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(value));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** dd/mm/yyyy HH:mm (24-hour) in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
  return `${formatDate(value)} ${time}`;
}

/** Today's date in Asia/Ho_Chi_Minh as YYYY-MM-DD (for date inputs and their limits). */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function formatNumber(language: string, value: number): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** 0.75 → "75,0%" in Vietnamese, "75.0%" in English. */
export function formatPercent(language: string, ratio: number): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** "a/b (x%)", the way the district writes its ratios. */
export function formatRatio(language: string, numerator: number, denominator: number): string {
  const percent = denominator === 0 ? '–' : formatPercent(language, numerator / denominator);
  return `${formatNumber(language, numerator)}/${formatNumber(language, denominator)} (${percent})`;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    date: formatDate,
    dateTime: formatDateTime,
    number: (value: number) => formatNumber(language, value),
    percent: (ratio: number) => formatPercent(language, ratio),
    ratio: (numerator: number, denominator: number) => formatRatio(language, numerator, denominator),
  };
}
