import type { CloudEvent } from '@lep/contracts';
import { AGENCY_EVENTS, BINGTUAN } from './scenario';
import { until, type StatisticsTestApp } from './statistics-app';

/** New Year's Day 2026, 10:00 Beijing time: the 2025 reports are built on the first working day, 4 January. */
export const NEW_YEAR = new Date('2026-01-01T10:00:00+08:00');

/** Delivers the scenario's agencies, then a year's `events`, as the consumer takes them, in order. */
export async function deliverYear(statistics: StatisticsTestApp, events: CloudEvent[]): Promise<void> {
  for (const event of [...AGENCY_EVENTS, ...events]) await statistics.deliver(event);
}

/**
 * The agency's annual report of `year` as its leader reads it, each section's rows by label, after the platform
 * admin has run the year's reports and the clock (held at NEW_YEAR) has moved past the first working day.
 */
export async function builtAnnualReport(
  statistics: StatisticsTestApp,
  year: number,
  agency: string,
): Promise<Record<string, Record<string, number>>> {
  await statistics
    .staff(['platform-admin'], BINGTUAN)
    .post('/api/v1/reports/runs')
    .send({ year })
    .expect(200);
  await statistics.env!.sleep('4 days');
  const content = await until(async () => {
    const { body } = await statistics
      .staff(['leader'], agency)
      .get('/api/v1/reports')
      .query({ agency, year });
    return body[0]?.content;
  });
  return Object.fromEntries(
    content.sections.map((section: { title: string; rows: Array<{ label: string; value: number }> }) => [
      section.title,
      Object.fromEntries(section.rows.map((row) => [row.label, row.value])),
    ]),
  );
}
