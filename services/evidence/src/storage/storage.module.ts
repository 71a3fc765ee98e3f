import { Global, Module } from '@nestjs/common';
import { Client } from 'minio';
import { EvidenceConfig } from '../config';
import { ContentStore } from './content-store';

/** The content store over the service's bucket, shared by uploads, downloads and deletions. */
@Global()
@Module({
  providers: [
    {
      provide: ContentStore,
      useFactory: (client: Client, config: EvidenceConfig) =>
        new ContentStore(
          client,
          { evidence: config.S3_BUCKET, staging: config.EVIDENCE_STAGING_BUCKET },
          config.EVIDENCE_PART_SIZE_MIB * 1024 * 1024,
        ),
      inject: [Client, EvidenceConfig],
    },
  ],
  exports: [ContentStore],
})
export class StorageModule {}
