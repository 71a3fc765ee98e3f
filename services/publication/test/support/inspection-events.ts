import { createCloudEvent, INSPECTION_EVENT_TYPES, REGISTRY_EVENT_SOURCE } from '@lep/contracts';
import type { PublicationTestApp } from './publication-app';

export interface InspectionPlanLife {
  planId: string;
  agencyCode: string;
  subject: string;
  scope: string;
  targetCount: number;
  /** The plan's first day, also the day of both draws. */
  plannedStart: string;
  plannedEnd: string;
  /** When the registry disclosed the plan. */
  disclosedAt: string;
  pools: { targets: string[]; inspectors: string[]; relations: unknown[] };
  results: object[];
  publishedAt: string;
}

/**
 * A double-random plan's life as the registry announces it: disclosed, drawn twice on its first day (draw-1 voided
 * for a wrong inspector list), and draw-2's results published.
 */
export async function deliverInspectionPlan(
  app: PublicationTestApp,
  life: InspectionPlanLife,
): Promise<void> {
  const event = (type: string, data: object, time: string) =>
    createCloudEvent({
      source: REGISTRY_EVENT_SOURCE,
      type,
      subject: life.planId,
      data,
      time: new Date(time),
    });
  const plan = { planId: life.planId, agencyCode: life.agencyCode };
  const at = (minute: number) => `${life.plannedStart}T02:0${minute}:00Z`;
  await app.deliver(
    event(
      INSPECTION_EVENT_TYPES.planDisclosed,
      {
        ...plan,
        subject: life.subject,
        basis: '《中华人民共和国食品安全法》第五十三条',
        scope: life.scope,
        targetCategory: null,
        targetCount: life.targetCount,
        inspectorsPerTarget: 2,
        plannedStart: life.plannedStart,
        plannedEnd: life.plannedEnd,
      },
      life.disclosedAt,
    ),
  );
  for (const [drawId, minute] of [
    ['draw-1', 1],
    ['draw-2', 2],
  ] as const)
    await app.deliver(
      event(
        INSPECTION_EVENT_TYPES.drawMade,
        {
          ...plan,
          drawId,
          drawDay: life.plannedStart,
          poolsHash: 'a'.repeat(64),
          seedCommitment: 'b'.repeat(64),
          drawnAt: at(0),
        },
        at(minute),
      ),
    );
  await app.deliver(
    event(
      INSPECTION_EVENT_TYPES.drawVoided,
      { ...plan, drawId: 'draw-1', reason: '检查人员名单有误，重新抽取', voidedAt: at(5) },
      at(5),
    ),
  );
  await app.deliver(
    event(
      INSPECTION_EVENT_TYPES.resultsPublished,
      {
        ...plan,
        drawId: 'draw-2',
        seed: 'c'.repeat(64),
        pools: life.pools,
        results: life.results,
        publishedAt: life.publishedAt,
      },
      life.publishedAt,
    ),
  );
}
