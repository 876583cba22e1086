import { type CalendarYear, type Holiday, WorkingCalendar } from './working-calendar';

/**
 * Days off for Vietnamese civil servants and public employees (cán bộ, công chức, viên chức),
 * 2023 to 2027, who work Monday to Friday.
 *
 * Only weekdays are listed: the holidays themselves when they fall on a weekday, the days off
 * in lieu (nghỉ bù) of holidays that fell on a weekend, and weekdays the Government swapped
 * with a Saturday (hoán đổi), whose Saturday then appears under `makeUpWorkingDays`.
 *
 * The rules (Bộ luật Lao động 2019, Articles 111 and 112): New Year 1 day (1/1); Lunar New
 * Year (Tết) 5 days, placed each year by the Prime Minister; Hùng Kings' Commemoration 1 day
 * (10th of the 3rd lunar month); Reunification Day 30/4; International Labour Day 1/5;
 * National Day 2 days (2/9 and the day before or after it). A holiday on a weekly day off is
 * compensated on the next working day. Resolution 28/2026/QH16 (in force 1 July 2026) adds
 * Vietnamese Culture Day, 24/11, from 2026.
 *
 * Lunar dates (Tết, Hùng Kings) were checked against the Vietnamese lunar calendar at
 * UTC+07:00: Lunar New Year 2023-01-22, 2024-02-10, 2025-01-29, 2026-02-17, 2027-02-06;
 * Hùng Kings 2023-04-29, 2024-04-18, 2025-04-07, 2026-04-26, 2027-04-16.
 *
 * Each year below names its sources. Entries marked DERIVED come from the rules above, not
 * from an official notice; replace them when the notice is published.
 */

function day(date: string, name: string, nameVi: string): Holiday {
  return { date, name, nameVi };
}

const NEW_YEAR = (date: string) => day(date, "New Year's Day", 'Tết Dương lịch');
const HUNG_KINGS = (date: string) =>
  day(date, "Hùng Kings' Commemoration Day (10th of the 3rd lunar month)", 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
const REUNIFICATION = (date: string) => day(date, 'Reunification Day', 'Ngày Chiến thắng (Ngày Giải phóng miền Nam, thống nhất đất nước)');
const LABOUR_DAY = (date: string) => day(date, 'International Labour Day', 'Ngày Quốc tế Lao động');
const NATIONAL_DAY = (date: string) => day(date, 'National Day', 'Quốc khánh');
const NATIONAL_DAY_ADJACENT = (date: string) =>
  day(date, 'National Day holiday (the day next to 2 September)', 'Nghỉ lễ Quốc khánh (ngày liền kề 2/9)');
const CULTURE_DAY = (date: string) => day(date, 'Vietnamese Culture Day', 'Ngày Văn hóa Việt Nam');

const ORDINAL = ['', '1st', '2nd', '3rd', '4th', '5th', '6th'];
/** A Tết day in the 1st lunar month: `mùng n`. */
const TET = (date: string, lunarDay: number) =>
  day(date, `Lunar New Year (Tết), ${ORDINAL[lunarDay]} day of the 1st lunar month`, `Tết Nguyên đán (mùng ${lunarDay})`);
/** A Tết day at the end of the 12th lunar month (tháng Chạp). */
const TET_EVE = (date: string, lunarDay: number, lastDayOfYear: boolean) =>
  day(
    date,
    `Lunar New Year (Tết), ${lunarDay}th of the 12th lunar month${lastDayOfYear ? " (New Year's Eve)" : ''}`,
    `Tết Nguyên đán (${lunarDay} tháng Chạp${lastDayOfYear ? ', giao thừa' : ''})`,
  );

export const VIETNAM_CIVIL_SERVICE_CALENDAR: CalendarYear[] = [
  {
    // Official. Tết 20–26/1 and National Day 1–4/9: Văn phòng Chính phủ 8056/VPCP-KGVX
    // (1 Dec 2022), announced by the Ministry of Labour (Bộ LĐ-TB&XH). 1/1 was a Sunday,
    // 29/4 (Hùng Kings) a Saturday and 30/4 a Sunday, so offices closed 2/1 and 29/4–3/5.
    year: 2023,
    holidays: [
      day('2023-01-02', "New Year's Day, observed (1 January fell on a Sunday)", 'Nghỉ bù Tết Dương lịch (1/1 trùng Chủ nhật)'),
      TET_EVE('2023-01-20', 29, false),
      TET('2023-01-23', 2),
      TET('2023-01-24', 3),
      TET('2023-01-25', 4),
      TET('2023-01-26', 5),
      LABOUR_DAY('2023-05-01'),
      day(
        '2023-05-02',
        "Hùng Kings' Commemoration Day, observed (29 April fell on a Saturday)",
        'Nghỉ bù Giỗ Tổ Hùng Vương (29/4 trùng thứ Bảy)',
      ),
      day('2023-05-03', 'Reunification Day, observed (30 April fell on a Sunday)', 'Nghỉ bù Ngày Chiến thắng (30/4 trùng Chủ nhật)'),
      NATIONAL_DAY_ADJACENT('2023-09-01'),
      day('2023-09-04', 'National Day, observed (2 September fell on a Saturday)', 'Nghỉ bù Quốc khánh (2/9 trùng thứ Bảy)'),
    ],
    makeUpWorkingDays: [],
  },
  {
    // Official. Tết 8–14/2 and National Day 31/8–3/9: approved by the Prime Minister in
    // November 2023 on the Ministry of Labour's proposal. 30/4–1/5: 27/4–1/5 with Monday 29/4
    // swapped for Saturday 4/5, Văn phòng Chính phủ 2450/VPCP-KGVX (12 Apr 2024).
    year: 2024,
    holidays: [
      NEW_YEAR('2024-01-01'),
      TET_EVE('2024-02-08', 29, false),
      TET_EVE('2024-02-09', 30, true),
      TET('2024-02-12', 3),
      TET('2024-02-13', 4),
      TET('2024-02-14', 5),
      HUNG_KINGS('2024-04-18'),
      day('2024-04-29', 'Reunification Day bridge (swapped with Saturday 4 May)', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 4/5)'),
      REUNIFICATION('2024-04-30'),
      LABOUR_DAY('2024-05-01'),
      NATIONAL_DAY('2024-09-02'),
      NATIONAL_DAY_ADJACENT('2024-09-03'),
    ],
    makeUpWorkingDays: [{ date: '2024-05-04', note: 'Làm bù cho ngày nghỉ hoán đổi 29/4 (make-up for the 29 April day off)' }],
  },
  {
    // Official. Văn phòng Chính phủ 8726/VPCP-KGVX (26 Nov 2024): Tết 25/1–2/2 (the five Tết
    // days 27–31/1); 30/4–4/5 with Friday 2/5 swapped for Saturday 26/4; National Day
    // 30/8–2/9 (1/9 the adjacent day). Hùng Kings fell on Monday 7/4.
    year: 2025,
    holidays: [
      NEW_YEAR('2025-01-01'),
      TET_EVE('2025-01-27', 28, false),
      TET_EVE('2025-01-28', 29, true),
      TET('2025-01-29', 1),
      TET('2025-01-30', 2),
      TET('2025-01-31', 3),
      HUNG_KINGS('2025-04-07'),
      REUNIFICATION('2025-04-30'),
      LABOUR_DAY('2025-05-01'),
      day('2025-05-02', 'Labour Day bridge (swapped with Saturday 26 April)', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4)'),
      NATIONAL_DAY_ADJACENT('2025-09-01'),
      NATIONAL_DAY('2025-09-02'),
    ],
    makeUpWorkingDays: [{ date: '2025-04-26', note: 'Làm bù cho ngày nghỉ hoán đổi 2/5 (make-up for the 2 May day off)' }],
  },
  {
    // Official. New Year 1–4/1 with Friday 2/1 swapped for Saturday 10/1: Văn phòng Chính phủ
    // 12729/VPCP-KGVX (25 Dec 2025). Tết 14–22/2 (the five Tết days 16–20/2) and National Day
    // 29/8–2/9 with Monday 31/8 swapped for Saturday 22/8: Bộ Nội vụ 9441/TB-BNV (16 Oct 2025).
    // Hùng Kings fell on Sunday 26/4, compensated Monday 27/4. Culture Day 24/11: Resolution
    // 28/2026/QH16 (in force 1 Jul 2026). A swap of Monday 23/11 for Saturday 28/11 was only a
    // proposal when last checked (September 2026) and is not included.
    year: 2026,
    holidays: [
      NEW_YEAR('2026-01-01'),
      day('2026-01-02', 'New Year bridge (swapped with Saturday 10 January)', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/1)'),
      TET_EVE('2026-02-16', 29, true),
      TET('2026-02-17', 1),
      TET('2026-02-18', 2),
      TET('2026-02-19', 3),
      TET('2026-02-20', 4),
      day(
        '2026-04-27',
        "Hùng Kings' Commemoration Day, observed (26 April fell on a Sunday)",
        'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 trùng Chủ nhật)',
      ),
      REUNIFICATION('2026-04-30'),
      LABOUR_DAY('2026-05-01'),
      day('2026-08-31', 'National Day bridge (swapped with Saturday 22 August)', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8)'),
      NATIONAL_DAY_ADJACENT('2026-09-01'),
      NATIONAL_DAY('2026-09-02'),
      CULTURE_DAY('2026-11-24'),
    ],
    makeUpWorkingDays: [
      { date: '2026-01-10', note: 'Làm bù cho ngày nghỉ hoán đổi 2/1 (make-up for the 2 January day off)' },
      { date: '2026-08-22', note: 'Làm bù cho ngày nghỉ hoán đổi 31/8 (make-up for the 31 August day off)' },
    ],
  },
  {
    // DERIVED, not from an official notice: none had been issued for 2027 when this table was
    // written (in September 2026 the Ministry of Home Affairs was consulting on two Tết
    // options). Derived from the Labour Code rules with no swaps: Tết is the last day of the
    // year plus mùng 1–4 (Friday 5/2 to Tuesday 9/2; mùng 1 and 2 fall on the weekend and are
    // compensated Wednesday 10/2 and Thursday 11/2); 1/5 is a Saturday, compensated Monday 3/5;
    // the National Day adjacent day is taken as Friday 3/9. Fixed-date days (1/1, 30/4, 2/9,
    // 24/11) and the lunar Hùng Kings date (Friday 16/4) come from the law and the lunar
    // calendar, but a notice could still add a swap around them.
    year: 2027,
    holidays: [
      NEW_YEAR('2027-01-01'),
      TET_EVE('2027-02-05', 29, true), // DERIVED
      TET('2027-02-08', 3), // DERIVED
      TET('2027-02-09', 4), // DERIVED
      day(
        '2027-02-10',
        'Lunar New Year (Tết), day off in lieu of the 1st day, a Saturday',
        'Nghỉ bù Tết Nguyên đán (mùng 1 trùng thứ Bảy)',
      ), // DERIVED
      day('2027-02-11', 'Lunar New Year (Tết), day off in lieu of the 2nd day, a Sunday', 'Nghỉ bù Tết Nguyên đán (mùng 2 trùng Chủ nhật)'), // DERIVED
      HUNG_KINGS('2027-04-16'),
      REUNIFICATION('2027-04-30'),
      day(
        '2027-05-03',
        'International Labour Day, observed (1 May falls on a Saturday)',
        'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)',
      ), // DERIVED
      NATIONAL_DAY('2027-09-02'),
      NATIONAL_DAY_ADJACENT('2027-09-03'), // DERIVED: the Government may pick 1/9 instead
      CULTURE_DAY('2027-11-24'),
    ],
    makeUpWorkingDays: [],
  },
];

/**
 * Where each year of the table comes from, as the administrator's calendar records it for every
 * entry the first migration seeded (the comments above, in one line each).
 */
export const VIETNAM_CIVIL_SERVICE_SOURCES: Readonly<Record<number, string>> = {
  2023: 'Bộ luật Lao động 2019, Điều 112; Tết và Quốc khánh: Văn phòng Chính phủ 8056/VPCP-KGVX (01/12/2022)',
  2024: 'Bộ luật Lao động 2019, Điều 112; Tết và Quốc khánh: Thủ tướng Chính phủ phê duyệt (11/2023); 30/4–1/5: Văn phòng Chính phủ 2450/VPCP-KGVX (12/4/2024)',
  2025: 'Bộ luật Lao động 2019, Điều 112; Văn phòng Chính phủ 8726/VPCP-KGVX (26/11/2024)',
  2026: 'Bộ luật Lao động 2019, Điều 112; Tết Dương lịch: Văn phòng Chính phủ 12729/VPCP-KGVX (25/12/2025); Tết và Quốc khánh: Bộ Nội vụ 9441/TB-BNV (16/10/2025); Ngày Văn hóa Việt Nam: Nghị quyết 28/2026/QH16',
  2027: 'SUY RA từ Bộ luật Lao động 2019, Điều 112 và Nghị quyết 28/2026/QH16; chưa có thông báo chính thức (DERIVED, no official notice yet)',
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

// Shared by every workflow: nobody may edit it at run time.
deepFreeze(VIETNAM_CIVIL_SERVICE_CALENDAR);

/** The working calendar of Vietnamese civil servants, 2023–2027 (see the table above). */
export const defaultCalendar: WorkingCalendar = new WorkingCalendar(VIETNAM_CIVIL_SERVICE_CALENDAR);
