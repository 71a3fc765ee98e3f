import { Module } from '@nestjs/common';
import { WarningsModule } from '../warnings/warnings.module';
import { EventConsumer } from './event-consumer';
import { EventHandler } from './event-handler';

/** What consumed events do: event log, figures, agency tree, warnings. */
@Module({ imports: [WarningsModule], providers: [EventHandler], exports: [EventHandler] })
export class IngestModule {}

/** Kafka in: subscribes the service to the domain topics and feeds them to the EventHandler. */
@Module({ imports: [IngestModule], providers: [EventConsumer] })
export class KafkaIngestModule {}
