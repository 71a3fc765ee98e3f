import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'statistics',
  title: 'LEP 行政执法统计 (Statistics)',
  description:
    'Live enforcement figures, early warnings and the annual statistics report. 行政执法统计、预警与年度统计报告。',
  version: '1.0.0',
};
