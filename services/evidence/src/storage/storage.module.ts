import { Global, Module } from '@nestjs/common';
import { Client } from 'minio';
import { createS3Client } from '@lep/nest-kit';
import { EvidenceConfig } from '../config';
import { ContentStore } from './content-store';

/**
 * A client like the service's own whose requests sign 'UNSIGNED-PAYLOAD' instead of a SHA-256 of their body, as
 * every request over https does already; used only for upload parts, whose CRC32 the store checks.
 */
function partsClient(config: EvidenceConfig): Client {
  const client = createS3Client({
    endpoint: config.S3_ENDPOINT,
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    region: config.S3_REGION,
    caFile: config.S3_CA_FILE,
  });
  client.enableSHA256 = false;
  return client;
}

/** The content store over the service's bucket, shared by uploads, downloads and deletions. */
@Global()
@Module({
  providers: [
    {
      provide: ContentStore,
      useFactory: (client: Client, config: EvidenceConfig) =>
        new ContentStore(
          client,
          config.S3_BUCKET,
          config.EVIDENCE_PART_SIZE_MIB * 1024 * 1024,
          partsClient(config),
        ),
      inject: [Client, EvidenceConfig],
    },
  ],
  exports: [ContentStore],
})
export class StorageModule {}
