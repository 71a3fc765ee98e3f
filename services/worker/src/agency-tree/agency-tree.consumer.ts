import { Injectable, Logger } from '@nestjs/common';
import { storeCaseAgency } from '@lep/case-store';
import { REGISTRY_EVENT_TYPES, TOPICS, type AgencyChangedData, type CloudEvent } from '@lep/contracts';
import { KafkaClient, ServiceConsumer } from '@lep/nest-kit';
import { DataSource } from 'typeorm';

export const AGENCY_TREE_GROUP = 'lep-worker-agencies';

/**
 * Keeps lep_cases' copy of the registry's agency tree (case_agency), from the registry's agency announcements
 * (read from the topic's beginning, so a new deployment learns every agency): case-api lets the agencies above a
 * case's agency, and the justice bureau of its level, read it (domain.md L9). Each announcement carries the whole
 * agency and replaces what was stored, so a repeated one changes nothing.
 */
@Injectable()
export class AgencyTreeConsumer extends ServiceConsumer {
  constructor(
    kafka: KafkaClient,
    private readonly dataSource: DataSource,
  ) {
    super(kafka, new Logger(AgencyTreeConsumer.name));
  }

  protected subscription() {
    return {
      groupId: AGENCY_TREE_GROUP,
      topics: [TOPICS.registryDisclosure.name],
      handle: (event: CloudEvent) => this.store(event),
    };
  }

  private async store(event: CloudEvent): Promise<void> {
    if (event.type !== REGISTRY_EVENT_TYPES.agencyChanged) return;
    const agency = event.data as AgencyChangedData;
    await storeCaseAgency(this.dataSource, {
      code: agency.code,
      parentCode: agency.parentCode,
      justiceBureau: agency.justiceBureau ?? false,
      removed: agency.removed,
    });
  }
}
