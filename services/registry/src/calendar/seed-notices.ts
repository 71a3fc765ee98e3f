import type { CalendarYear } from '@lep/calendar';

/**
 * The notices known when the calendar moved to the registry (docs/domain.md §6), loaded by its seed migration.
 * Kept as they were then: a migration must insert the same rows on every database. Later years, and corrections,
 * are loaded by a platform admin through PUT /api/v1/calendar/{region}/{year}. Xinjiang 2026 is not here on
 * purpose: only a secondary report of the regional notice was found, and the platform never guesses a date.
 */
export const SEED_NOTICES: readonly CalendarYear[] = [
  {
    region: 'national',
    year: 2025,
    daysOff: [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-05-01',
      '2025-05-02',
      '2025-05-05',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    makeUpWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: {
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      number: '国办发明电〔2024〕12号',
      issuedOn: '2024-11-12',
      // Read in Xinhua's copies and the Xinjiang notice, identical.
      confidence: 'official-copy',
    },
  },
  {
    region: 'national',
    year: 2026,
    daysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    makeUpWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      // The copy read (Xinhua, via gmw.cn) did not show the number.
      number: null,
      issuedOn: '2025-11-04',
      confidence: 'official-copy',
    },
  },
  {
    region: 'xinjiang',
    year: 2025,
    // 肉孜节 29–31 Mar (Sat–Mon), 古尔邦节 6–10 Jun (Fri–Tue); no make-up days.
    daysOff: ['2025-03-31', '2025-06-06', '2025-06-09', '2025-06-10'],
    makeUpWorkingDays: [],
    source: {
      title: '新疆维吾尔自治区2025年肉孜节、古尔邦节放假安排通知（依据自治区人民政府令第174号）',
      number: null,
      issuedOn: null,
      confidence: 'official-copy',
    },
  },
];
