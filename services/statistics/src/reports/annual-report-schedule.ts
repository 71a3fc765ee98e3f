import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type ScheduleDescription,
  type ScheduleOptions,
} from '@temporalio/client';
import { TASK_QUEUES } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { ANNUAL_REPORT_SCHEDULE_ID, annualReportScheduleWorkflow } from '@lep/workflows';

const one = <T>(value: T) => [{ start: value, end: value, step: 1 }];

/**
 * 1 January 00:05 China time. Every field is spelled out as the ranges Describe answers with, so the spec read
 * back compares equal to this one when nobody changed it.
 */
const NEW_YEAR_CALENDAR = {
  second: one(0),
  minute: one(5),
  hour: one(0),
  dayOfMonth: one(1),
  month: one('JANUARY' as const),
  year: [],
  dayOfWeek: [{ start: 'SUNDAY' as const, end: 'SATURDAY' as const, step: 1 }],
  comment: '每年1月1日00:05（北京时间）开启上一年度统计年报',
};

const TIME_ZONE = 'Asia/Shanghai';

function desired(): ScheduleOptions {
  return {
    scheduleId: ANNUAL_REPORT_SCHEDULE_ID,
    spec: { calendars: [NEW_YEAR_CALENDAR], timezone: TIME_ZONE },
    action: {
      type: 'startWorkflow',
      workflowType: annualReportScheduleWorkflow,
      workflowId: ANNUAL_REPORT_SCHEDULE_ID,
      taskQueue: TASK_QUEUES.statistics,
      args: [],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  };
}

interface ScheduleShape {
  calendars: unknown[];
  intervals: unknown[];
  skip: unknown[];
  timezone: string;
  workflowType?: string;
  workflowId?: string;
  taskQueue?: string;
  overlap: string;
}

/** What makes the schedule ours: when to fire, what to start where, and the overlap policy. */
function shapeOf(description: ScheduleDescription): ScheduleShape {
  const action = description.action;
  const started = action.type === 'startWorkflow' ? action : undefined;
  return {
    calendars: description.spec.calendars ?? [],
    intervals: description.spec.intervals ?? [],
    skip: description.spec.skip ?? [],
    timezone: description.spec.timezone ?? 'UTC',
    workflowType: started?.workflowType,
    workflowId: started?.workflowId,
    taskQueue: started?.taskQueue,
    overlap: description.policies.overlap ?? ScheduleOverlapPolicy.SKIP,
  };
}

const WANTED: ScheduleShape = {
  calendars: [NEW_YEAR_CALENDAR],
  intervals: [],
  skip: [],
  timezone: TIME_ZONE,
  workflowType: annualReportScheduleWorkflow.name,
  workflowId: ANNUAL_REPORT_SCHEDULE_ID,
  taskQueue: TASK_QUEUES.statistics,
  overlap: ScheduleOverlapPolicy.SKIP,
};

/**
 * Keeps the Temporal Schedule `lep-annual-report`: created at start-up if missing, put back to the spec above if
 * it differs (a deployment changed it, or an older version of it exists); left alone otherwise, paused or not.
 */
@Injectable()
export class AnnualReportSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnnualReportSchedule.name);

  constructor(private readonly temporal: TemporalClient) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(): Promise<'created' | 'updated' | 'unchanged'> {
    const options = desired();
    const schedules = this.temporal.client.schedule;
    try {
      await schedules.create(options);
      this.logger.log(`created schedule ${ANNUAL_REPORT_SCHEDULE_ID}`);
      return 'created';
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    const handle = schedules.getHandle(ANNUAL_REPORT_SCHEDULE_ID);
    if (JSON.stringify(shapeOf(await handle.describe())) === JSON.stringify(WANTED)) return 'unchanged';
    await handle.update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, overlap: ScheduleOverlapPolicy.SKIP },
    }));
    this.logger.log(`updated schedule ${ANNUAL_REPORT_SCHEDULE_ID} to 1 January 00:05 ${TIME_ZONE}`);
    return 'updated';
  }
}
