import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'documents',
  title: 'LEP 执法文书 (Documents)',
  description:
    'Enforcement documents rendered to PDF from templates filed with the justice bureau, numbered without gaps and stored as evidence. 执法文书：格式备案、文号、生成与下载。',
  version: '1.0.0',
};
