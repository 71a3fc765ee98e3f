import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'worker',
  title: 'LEP Temporal worker',
  description: 'Hosts the case workflows and their activities; exposes only /health. 承载案件工作流与活动。',
  version: '1.0.0',
};
