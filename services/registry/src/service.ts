import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'registry',
  title: 'LEP 执法主体与人员登记 (Registry)',
  description:
    'Agencies, personnel and certificates, enforcement item lists, review catalogs, identity and access. 执法主体、执法人员、事项清单与法制审核目录。',
  version: '1.0.0',
};
