import { Module } from '@nestjs/common';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { EventConsumer } from './event-consumer';
import { EventHandler } from './event-handler';

/** What consumed events do: decisions and registry pre-disclosure into the publication database. */
@Module({ imports: [DisclosuresModule], providers: [EventHandler], exports: [EventHandler] })
export class IngestModule {}

/** Kafka in: subscribes the service to its input topics and feeds them to the EventHandler. */
@Module({ imports: [IngestModule], providers: [EventConsumer] })
export class KafkaIngestModule {}
