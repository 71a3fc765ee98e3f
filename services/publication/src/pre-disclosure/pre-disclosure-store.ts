import {
  AgencyChangedData,
  CloudEvent,
  INSPECTION_EVENT_TYPES,
  InspectionDrawMadeData,
  InspectionDrawVoidedData,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
  ItemListPublishedData,
  PersonnelChangedData,
  PORTAL_EVENT_TYPES,
  portalEntryKey,
  PortalEntryChangedData,
  PUBLICATION_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  ReportPublishedData,
  STATISTICS_EVENT_TYPES,
  TOPICS,
  createCloudEvent,
} from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import { isValidUscc, maskPersonName, maskText, NamePolicy } from '@lep/masking';
import type { EntityManager } from 'typeorm';
import type { PreDisclosureKind } from './pre-disclosure.entity';

export interface Entry {
  kind: PreDisclosureKind;
  subjectKey: string;
  agencyCode: string;
  parentCode: string | null;
  title: string;
  data: Record<string, unknown>;
  removed: boolean;
}

/**
 * The portal entry a registry event describes, masked as the portal shows it; null for events the portal does
 * not show (reviewer ratios).
 */
export function preDisclosureEntry(event: CloudEvent, namePolicy: NamePolicy): Entry | null {
  switch (event.type) {
    case REGISTRY_EVENT_TYPES.agencyChanged: {
      const agency = event.data as AgencyChangedData;
      return {
        kind: 'agencies',
        subjectKey: agency.code,
        agencyCode: agency.code,
        parentCode: agency.parentCode,
        title: agency.name,
        data: { ...agency },
        removed: agency.removed,
      };
    }
    case REGISTRY_EVENT_TYPES.personnelChanged: {
      const person = event.data as PersonnelChangedData;
      return {
        kind: 'personnel',
        subjectKey: person.personnelId,
        agencyCode: person.agencyCode,
        parentCode: null,
        title: person.name,
        data: { ...person },
        removed: false,
      };
    }
    case REGISTRY_EVENT_TYPES.itemListPublished: {
      const list = event.data as ItemListPublishedData;
      return {
        kind: 'item-lists',
        subjectKey: `${list.agencyCode}:${list.kind}`,
        agencyCode: list.agencyCode,
        parentCode: null,
        title: list.kind,
        data: { ...list },
        removed: false,
      };
    }
    case INSPECTION_EVENT_TYPES.planDisclosed: {
      const plan = event.data as InspectionPlanDisclosedData;
      return inspectionEntry('inspection-plans', plan.planId, plan.agencyCode, plan.subject, plan);
    }
    case INSPECTION_EVENT_TYPES.drawMade: {
      const draw = event.data as InspectionDrawMadeData;
      return inspectionEntry('inspection-draws', draw.drawId, draw.agencyCode, draw.planId, draw);
    }
    case INSPECTION_EVENT_TYPES.drawVoided: {
      // A voided draw stays listed with its reason, so no draw quietly disappears.
      const voided = event.data as InspectionDrawVoidedData;
      return inspectionEntry('inspection-draws', voided.drawId, voided.agencyCode, voided.planId, {
        ...voided,
        voided: true,
      });
    }
    case INSPECTION_EVENT_TYPES.resultsPublished: {
      const results = event.data as InspectionResultsPublishedData;
      return inspectionEntry(
        'inspection-results',
        results.drawId,
        results.agencyCode,
        results.planId,
        maskedResults(results, namePolicy),
      );
    }
    case STATISTICS_EVENT_TYPES.reportPublished: {
      const report = event.data as ReportPublishedData;
      return {
        kind: 'annual-reports',
        subjectKey: `${report.agencyCode}:${report.year}`,
        agencyCode: report.agencyCode,
        parentCode: null,
        title: `${report.agencyName}${report.year}年度行政执法统计年报`,
        data: maskedReport(report, namePolicy),
        removed: false,
      };
    }
    default:
      return null;
  }
}

/**
 * The report as the public sees it: the figures as approved, the narrative the agency wrote masked like any
 * free text (it may name a complainant or give a telephone number), who approved it but not the staff ids.
 */
function maskedReport(report: ReportPublishedData, namePolicy: NamePolicy): Record<string, unknown> {
  const content = report.content as { narrative?: unknown } & Record<string, unknown>;
  const narrative =
    typeof content.narrative === 'string'
      ? maskText(content.narrative, { namePolicy, otherPersonNames: [] }).masked
      : content.narrative;
  return {
    reportId: report.reportId,
    agencyCode: report.agencyCode,
    agencyName: report.agencyName,
    year: report.year,
    rollup: report.rollup,
    publishedAt: report.publishedAt,
    content: { ...content, narrative },
  };
}

/**
 * Inspection results as the public sees them (domain.md §4): a natural person's name follows the name policy, and
 * the findings are masked for everyone (a shop's findings can name its staff's phones or a home address). A
 * target whose event carries no party type (events from before the registry kept it) counts as a natural person
 * unless its code is a valid unified social credit code — privacy first. Codes stay: the draw is verified on them.
 */
export function maskedResults(
  published: InspectionResultsPublishedData,
  namePolicy: NamePolicy,
): InspectionResultsPublishedData {
  return {
    ...published,
    results: published.results.map((result) => {
      const { code, name } = result.target;
      const partyType = result.target.partyType ?? (isValidUscc(code) ? 'legal-person' : 'natural-person');
      const naturalPerson = partyType === 'natural-person';
      const findings = maskText(result.findings, {
        penalisedPersonName: naturalPerson ? name : undefined,
        namePolicy,
        otherPersonNames: [],
      }).masked;
      return {
        ...result,
        target: { code, name: naturalPerson ? maskPersonName(name, namePolicy) : name, partyType },
        findings,
      };
    }),
  };
}

function inspectionEntry(
  kind: PreDisclosureKind,
  subjectKey: string,
  agencyCode: string,
  title: string,
  data: object,
): Entry {
  return { kind, subjectKey, agencyCode, parentCode: null, title, data: { ...data }, removed: false };
}

/**
 * Upserts the entry unless a newer event already wrote it (events of one agency may be replayed late) and, when
 * it was written, announces it on TOPICS.publicationPortal in the same transaction (the upward feed).
 */
export async function storePreDisclosure(
  manager: EntityManager,
  event: CloudEvent,
  namePolicy: NamePolicy,
): Promise<void> {
  const entry = preDisclosureEntry(event, namePolicy);
  if (!entry) return;
  if (!(await upsertEntry(manager, entry, event.time))) return;
  const data: PortalEntryChangedData = {
    kind: entry.kind,
    key: entry.subjectKey,
    agencyCode: entry.agencyCode,
    parentCode: entry.parentCode,
    title: entry.title,
    data: entry.data,
    removed: entry.removed,
    changedAt: event.time,
  };
  const key = portalEntryKey(entry.kind, entry.subjectKey);
  await enqueueEvent(
    manager,
    TOPICS.publicationPortal,
    key,
    createCloudEvent({
      id: `portal:${event.id}`,
      source: PUBLICATION_EVENT_SOURCE,
      type: PORTAL_EVENT_TYPES.entryChanged,
      subject: key,
      data,
      time: new Date(event.time),
    }),
  );
}

/**
 * Writes `entry` as of `changedAt` unless a newer version of it is stored; true when it was written. The one
 * write path of the portal's entries, local and forwarded alike.
 */
export async function upsertEntry(manager: EntityManager, entry: Entry, changedAt: string): Promise<boolean> {
  const written: unknown[] = await manager.query(
    `INSERT INTO pre_disclosure (kind, subject_key, agency_code, parent_code, title, data, event_time, removed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (kind, subject_key) DO UPDATE SET
       agency_code = EXCLUDED.agency_code, parent_code = EXCLUDED.parent_code, title = EXCLUDED.title,
       data = EXCLUDED.data, event_time = EXCLUDED.event_time, removed = EXCLUDED.removed
     WHERE pre_disclosure.event_time <= EXCLUDED.event_time
     RETURNING 1`,
    [
      entry.kind,
      entry.subjectKey,
      entry.agencyCode,
      entry.parentCode,
      entry.title,
      JSON.stringify(entry.data),
      changedAt,
      entry.removed,
    ],
  );
  return written.length > 0;
}
