import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'publication',
  title: 'LEP 行政执法公示 (Publication)',
  description:
    'Masked disclosure of enforcement decisions on deadline, withdrawal and correction, public portal. 行政执法公示：限期公示、撤回更正与公示门户。',
  version: '1.0.0',
};
