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
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import type { EntityManager } from 'typeorm';
import type { PreDisclosureKind } from './pre-disclosure.entity';

interface Entry {
  kind: PreDisclosureKind;
  subjectKey: string;
  agencyCode: string;
  parentCode: string | null;
  title: string;
  data: Record<string, unknown>;
  removed: boolean;
}

/** The portal entry a registry event describes; null for events the portal does not show (reviewer ratios). */
export function preDisclosureEntry(event: CloudEvent): Entry | null {
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
        results,
      );
    }
    default:
      return null;
  }
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

/** Upserts the entry unless a newer event already wrote it (events of one agency may be replayed late). */
export async function storePreDisclosure(manager: EntityManager, event: CloudEvent): Promise<void> {
  const entry = preDisclosureEntry(event);
  if (!entry) return;
  await manager.query(
    `INSERT INTO pre_disclosure (kind, subject_key, agency_code, parent_code, title, data, event_time, removed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (kind, subject_key) DO UPDATE SET
       agency_code = EXCLUDED.agency_code, parent_code = EXCLUDED.parent_code, title = EXCLUDED.title,
       data = EXCLUDED.data, event_time = EXCLUDED.event_time, removed = EXCLUDED.removed
     WHERE pre_disclosure.event_time <= EXCLUDED.event_time`,
    [
      entry.kind,
      entry.subjectKey,
      entry.agencyCode,
      entry.parentCode,
      entry.title,
      JSON.stringify(entry.data),
      event.time,
      entry.removed,
    ],
  );
}
