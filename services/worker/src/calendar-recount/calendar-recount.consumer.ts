import { Injectable, Logger } from '@nestjs/common';
import { CalendarClient } from '@lep/calendar';
import {
  caseSignals,
  REGISTRY_EVENT_TYPES,
  TOPICS,
  type CalendarLayerLoaded,
  type CalendarYearChangedData,
  type CloudEvent,
} from '@lep/contracts';
import { KafkaClient, ServiceConsumer, TemporalClient } from '@lep/nest-kit';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';

export const CALENDAR_RECOUNT_GROUP = 'lep-worker-calendar';

/**
 * When the registry announces a loaded calendar year, every open case with a deadline counted without that
 * year (its hearing window, or the time limit of its open review round) is told to count it again. The cases
 * are found in the case index; a case told twice counts once more and changes nothing.
 */
@Injectable()
export class CalendarRecountConsumer extends ServiceConsumer {
  constructor(
    kafka: KafkaClient,
    private readonly temporal: TemporalClient,
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarClient,
  ) {
    super(kafka, new Logger(CalendarRecountConsumer.name));
  }

  protected subscription() {
    return {
      groupId: CALENDAR_RECOUNT_GROUP,
      topics: [TOPICS.registryCalendar.name],
      handle: (event: CloudEvent) => this.recount(event),
    };
  }

  private async recount(event: CloudEvent): Promise<void> {
    if (event.type !== REGISTRY_EVENT_TYPES.calendarYearChanged) return;
    const { region, year } = event.data as CalendarYearChangedData;
    this.calendar.invalidate();
    const cases = await casesCountedWithout(this.dataSource, { region, year });
    this.logger.log(
      `calendar ${year} ${region} loaded: ${cases.length} open case(s) count their deadlines again`,
    );
    for (const caseId of cases) {
      try {
        await this.temporal.client.workflow
          .getHandle(caseId)
          .signal(caseSignals.calendarChanged, { region, year });
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
  }
}

/** Open cases with a pending deadline, or an open review round, counted without this layer and year. */
export async function casesCountedWithout(
  dataSource: DataSource,
  layer: CalendarLayerLoaded,
): Promise<string[]> {
  const rows: { case_id: string }[] = await dataSource.query(
    `SELECT case_id FROM case_file
      WHERE status = 'open'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(state->'deadlines') AS d
                     WHERE d->'provisional'->'missing' @> $1::jsonb)
     UNION
     SELECT case_id FROM case_task
      WHERE kind = 'legal-review' AND state IN ('open', 'claimed')
        AND payload->'dueProvisional'->'missing' @> $1::jsonb
     ORDER BY case_id`,
    [JSON.stringify([layer])],
  );
  return rows.map((row) => row.case_id);
}
