import { Injectable, Logger } from '@nestjs/common';
import {
  caseSignals,
  EVIDENCE_EVENT_TYPES,
  isCaseIdOfAgency,
  TOPICS,
  type CloudEvent,
  type EvidenceLink,
  type EvidenceStoredData,
} from '@lep/contracts';
import { consumeOnce, KafkaClient, ServiceConsumer, TemporalClient } from '@lep/nest-kit';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';

export const EVIDENCE_LINK_GROUP = 'lep-worker-evidence-link';

/**
 * Links every stored evidence item into its case: each `evidence.stored` event becomes a signal to the case
 * workflow, which appends the item's id and SHA-256 to the whole-process record. At most once per event id
 * here, and the workflow ignores an item it already holds, so a redelivery never links twice.
 */
@Injectable()
export class EvidenceLinkConsumer extends ServiceConsumer {
  constructor(
    kafka: KafkaClient,
    private readonly temporal: TemporalClient,
    private readonly dataSource: DataSource,
  ) {
    super(kafka, new Logger(EvidenceLinkConsumer.name));
  }

  protected subscription() {
    return {
      groupId: EVIDENCE_LINK_GROUP,
      topics: [TOPICS.evidenceStored.name],
      handle: (event: CloudEvent) => this.link(event),
    };
  }

  private async link(event: CloudEvent): Promise<void> {
    if (event.type !== EVIDENCE_EVENT_TYPES.stored) return;
    const stored = event.data as EvidenceStoredData;
    // Evidence belongs only to the uploader's agency's cases (the evidence service refuses others): an event that
    // says otherwise, or names no case, is linked nowhere.
    if (!isCaseIdOfAgency(stored.caseId, stored.agencyCode)) {
      this.logger.warn(
        `evidence ${stored.evidenceId} of agency ${stored.agencyCode} names ${stored.caseId}, no case of that agency; not linked`,
      );
      return;
    }
    const link: EvidenceLink = {
      evidenceId: stored.evidenceId,
      sha256: stored.sha256,
      kind: stored.kind,
      stage: stored.stage,
      capturedBy: stored.capturedBy,
      storedAt: stored.storedAt,
      size: stored.size,
      confidentiality: stored.confidentiality,
      ...(stored.capturedAt && stored.recordingEndedAt
        ? { recordedFrom: stored.capturedAt, recordedTo: stored.recordingEndedAt }
        : {}),
    };
    // Temporal down: the signal throws, the mark rolls back and Kafka redelivers once it is back.
    await consumeOnce(this.dataSource, EVIDENCE_LINK_GROUP, event.id, async () => {
      try {
        await this.temporal.client.workflow.getHandle(stored.caseId).signal(caseSignals.evidenceStored, link);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        this.logger.warn(
          `evidence ${stored.evidenceId} names case ${stored.caseId}, which has no open workflow`,
        );
      }
    });
  }
}
