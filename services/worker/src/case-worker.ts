import { Logger } from '@nestjs/common';
import { CalendarClient } from '@lep/calendar';
import { TASK_QUEUES } from '@lep/contracts';
import { HostedWorkerModule, temporalConnection, workflowCode } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { createCaseActivities } from './activities/case-activities';
import { DocumentsClient } from './activities/documents-client';
import { documentsCredential } from './activities/documents-credential';
import { RegistryClient } from './activities/registry-client';
import { registryCredential } from './activities/registry-credential';
import { WorkerConfig } from './config';

/**
 * The platform's case worker: it polls the cases task queue with the workflows of @lep/workflows and the case
 * activities (the case database, the registry, the documents service, the calendar).
 */
export const CaseWorkerModule = HostedWorkerModule.register({
  name: 'CaseWorker',
  inject: [WorkerConfig, DataSource, CalendarClient],
  useFactory: (config: WorkerConfig, dataSource: DataSource, calendar: CalendarClient) => {
    const calendarLogger = new Logger('Calendar');
    return {
      ...temporalConnection(config),
      taskQueue: TASK_QUEUES.cases,
      workflows: workflowCode(require.resolve('@lep/workflows'), '', 'case'),
      activities: createCaseActivities({
        dataSource,
        registry: new RegistryClient(config.REGISTRY_URL, registryCredential(config)),
        documents: new DocumentsClient(config.DOCUMENTS_URL, documentsCredential(config)),
        calendar,
        warn: (message) => calendarLogger.warn(message),
        reviewSla: {
          workingDays: config.REVIEW_SLA_WORKING_DAYS,
          extensionWorkingDays: config.REVIEW_EXTENSION_WORKING_DAYS,
        },
      }),
    };
  },
});
