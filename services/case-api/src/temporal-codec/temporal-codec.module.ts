import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { EncryptionCodec, parsePayloadKeys } from '@lep/temporal-codec';
import { CaseApiConfig } from '../config';
import { TemporalCodecCors } from './temporal-codec-cors';
import { TemporalCodecController } from './temporal-codec.controller';
import { TEMPORAL_PAYLOAD_CODEC } from './temporal-codec.tokens';

/** The remote codec endpoint operators' Temporal Web UI decrypts payloads through (docs/operations.md). */
@Module({
  controllers: [TemporalCodecController],
  providers: [
    {
      provide: TEMPORAL_PAYLOAD_CODEC,
      inject: [CaseApiConfig],
      useFactory: (config: CaseApiConfig) =>
        new EncryptionCodec(parsePayloadKeys(config.TEMPORAL_PAYLOAD_KEYS, config.TEMPORAL_PAYLOAD_KEY_ID)),
    },
    TemporalCodecCors,
  ],
})
export class TemporalCodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(TemporalCodecCors)
      .forRoutes(
        { path: 'api/v1/temporal-codec/decode', method: RequestMethod.ALL },
        { path: 'api/v1/temporal-codec/encode', method: RequestMethod.ALL },
      );
  }
}
