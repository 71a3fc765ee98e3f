import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'case-api',
  title: 'LEP 案件与任务 API (Case and task API)',
  description:
    'Agency systems start and drive enforcement case workflows; legal reviewers complete review tasks. 行政执法案件办理与法制审核任务接口。',
  version: '1.0.0',
};
