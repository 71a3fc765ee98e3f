import type { CaseActor } from '@lep/contracts';
import type { CaseRecordContent } from '@lep/case-store';

/** One record entry as the trail cites it: where it sits in the hash chain and what it says. */
export interface TrailEntry {
  sequence: number;
  hash: string;
  at: string;
  action: string;
  title: string;
}

/** A person who did one part of a decision, with every record entry that proves it. */
export interface TrailActor {
  id: string;
  role: string;
  agencyCode: string;
  /** The officers who performed its acts, where the record names them (domain.md R8): those a system's key named. */
  officerIds?: string[];
  entries: TrailEntry[];
}

/** Who filed, investigated, drafted, reviewed, overruled, decided and withdrew one decision (domain.md L6b). */
export interface DecisionTrail {
  decisionId: string;
  documentNumber?: string;
  decidedOn?: string;
  filed: TrailActor[];
  investigated: TrailActor[];
  drafted: TrailActor[];
  reviewed: TrailActor[];
  overruled: TrailActor[];
  decided: TrailActor[];
  withdrawn: (TrailActor & { kind: string; reason: string })[];
}

export interface RecordedEntry {
  sequence: number;
  hash: string;
  content: CaseRecordContent;
}

type Part = Exclude<keyof DecisionTrail, 'decisionId' | 'documentNumber' | 'decidedOn' | 'withdrawn'>;

/**
 * The part of a decision each recorded action is (entries of the platform itself, such as deadlines, name no
 * person and are left out). Filing and investigation serve every decision of the case; drafting and review serve
 * the decision that follows them.
 */
function partOf(action: string): Part | undefined {
  if (action === 'filed') return 'filed';
  if (action === 'record' || action === 'evidence-linked' || action === 'hearing-held') return 'investigated';
  if (action === 'stage:drafting' || action === 'draft-revised' || action === 'major-declared')
    return 'drafted';
  if (action === 'review-completed') return 'reviewed';
  if (action === 'dispute-ruled') return 'overruled';
  if (action === 'stage:decided') return 'decided';
  return undefined;
}

const SYSTEM_ROLE = 'system';

/**
 * The accountability trail of every decision in one case's whole-process record (责任追究, domain.md L6b), in the
 * order they were made. A withdrawn decision keeps its trail and adds who withdrew it; a decision re-made after
 * withdrawal is drafted and reviewed anew, so its own drafting and review start after the withdrawal.
 */
export function decisionTrails(entries: readonly RecordedEntry[]): DecisionTrail[] {
  const trails: DecisionTrail[] = [];
  const shared = { filed: new Map<string, TrailActor>(), investigated: new Map<string, TrailActor>() };
  let current = freshRound();
  for (const entry of [...entries].sort((a, b) => a.sequence - b.sequence)) {
    const { action, actor, details } = entry.content;
    if (action.startsWith('withdrawn:')) {
      const trail = trails.find((candidate) => candidate.decisionId === details.decisionId);
      if (trail && isPerson(actor))
        trail.withdrawn.push({
          ...cite(new Map(), actor, entry),
          kind: action.slice('withdrawn:'.length),
          reason: String(details.reason ?? ''),
        });
      current = freshRound();
      continue;
    }
    const part = partOf(action);
    if (!part || !isPerson(actor)) continue;
    if (part === 'overruled' && details.ruling !== 'overrule') continue;
    if (part === 'filed' || part === 'investigated') {
      cite(shared[part], actor, entry);
      continue;
    }
    cite(current[part], actor, entry);
    if (part === 'decided') {
      trails.push({
        decisionId: String(details.decisionId),
        documentNumber: documentNumberOf(entry.content.title),
        decidedOn: typeof details.decidedOn === 'string' ? details.decidedOn : undefined,
        filed: [...shared.filed.values()],
        investigated: [...shared.investigated.values()],
        drafted: [...current.drafted.values()],
        reviewed: [...current.reviewed.values()],
        overruled: [...current.overruled.values()],
        decided: [...current.decided.values()],
        withdrawn: [],
      });
      current = freshRound();
    }
  }
  return trails;
}

function freshRound(): Record<'drafted' | 'reviewed' | 'overruled' | 'decided', Map<string, TrailActor>> {
  return { drafted: new Map(), reviewed: new Map(), overruled: new Map(), decided: new Map() };
}

function isPerson(actor: CaseActor): boolean {
  return actor.role !== SYSTEM_ROLE;
}

/** Adds the entry to the actor's citations in `people`, creating the actor on first sight; returns the actor. */
function cite(people: Map<string, TrailActor>, actor: CaseActor, entry: RecordedEntry): TrailActor {
  const key = `${actor.agencyCode}/${actor.id}`;
  const known = people.get(key) ?? {
    id: actor.id,
    role: actor.role,
    agencyCode: actor.agencyCode,
    entries: [],
  };
  if (actor.officerIds && actor.officerIds.length > 0)
    known.officerIds = [...new Set([...(known.officerIds ?? []), ...actor.officerIds])];
  known.entries.push({
    sequence: entry.sequence,
    hash: entry.hash,
    at: entry.content.at,
    action: entry.content.action,
    title: entry.content.title,
  });
  people.set(key, known);
  return known;
}

/** The 文号 the decision entry's title carries: 作出决定（<文号>）. */
function documentNumberOf(title: string): string | undefined {
  return /^作出决定（(.+)）$/.exec(title)?.[1];
}
