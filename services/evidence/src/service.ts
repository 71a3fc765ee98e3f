import type { ServiceDescription } from '@lep/nest-kit';

export const SERVICE: ServiceDescription = {
  name: 'evidence',
  title: 'LEP 执法全过程记录证据 (Evidence)',
  description:
    'Streamed evidence uploads with integrity and confidentiality controls. 执法全过程记录：文字与音像记录的存储、校验与调阅。',
  version: '1.0.0',
};
