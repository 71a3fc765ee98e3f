import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { parseCloudEvent, PORTAL_EVENT_TYPES, TOPICS } from '@lep/contracts';
import { KafkaClient, whileHeartbeating } from '@lep/nest-kit';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { PublicationConfig } from '../config';
import { FORWARDED_EVENT_TYPES } from './feed.service';

export const UPSTREAM_CONSUMER_GROUP = 'lep-publication-upstream';

/** Where the upper level takes each forwarded event type: disclosures, and every other portal entry. */
const FEED_ROUTES: Record<string, string> = {
  ...Object.fromEntries(FORWARDED_EVENT_TYPES.map((type) => [type, '/api/v1/feed/disclosures'])),
  [PORTAL_EVENT_TYPES.entryChanged]: '/api/v1/feed/portal-entries',
};

/**
 * The upward feed's sending end at a 师市 level: reads this deployment's own disclosure and portal topics and posts
 * each published/corrected/withdrawn disclosure and each portal entry to the 兵团-level publication service. A failed post throws, so kafkajs
 * retries the message (at least once); the receiver de-duplicates by event id.
 */
@Injectable()
export class UpstreamForwarder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UpstreamForwarder.name);
  private consumer?: Consumer;

  constructor(
    private readonly kafka: KafkaClient,
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.consumer(UPSTREAM_CONSUMER_GROUP);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: [TOPICS.publicationDisclosure.name, TOPICS.publicationPortal.name],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: ({ message, heartbeat }) => whileHeartbeating(heartbeat, () => this.forward(message)),
    });
  }

  // Drains before the connections close (shutdown order: createServiceApp).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async forward(message: KafkaMessage): Promise<void> {
    const event = parseCloudEvent(message.value);
    const route = FEED_ROUTES[event.type];
    if (!route) return;
    const response = await fetch(new URL(route, this.config.PUBLICATION_UPSTREAM_URL), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.config.PUBLICATION_UPSTREAM_TOKEN}`,
      },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      const text = await response.text();
      this.logger.warn(`upstream refused ${event.id}: ${response.status} ${text.slice(0, 300)}`);
      throw new Error(`upstream answered ${response.status}`);
    }
  }
}
