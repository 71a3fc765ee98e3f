import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  createCloudEvent,
  STATISTICS_EVENT_SOURCE,
  STATISTICS_EVENT_TYPES,
  TOPICS,
  WarningEventData,
  WarningKind,
  WarningSeverity,
} from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { ClearWarning, RaiseWarning, WarningChange } from './warning-rules';

export interface WarningRow {
  id: string;
  kind: WarningKind;
  subject: string;
  agency_code: string;
  severity: WarningSeverity;
  state: 'raised' | 'cleared';
  message: string;
  due_at: Date | null;
  raised_at: Date;
  cleared_at: Date | null;
}

/** Opens, worsens and clears warnings; each change is announced through the outbox in the same transaction. */
@Injectable()
export class WarningsService {
  constructor(private readonly dataSource: DataSource) {}

  async apply(manager: EntityManager, changes: WarningChange[]): Promise<void> {
    for (const change of changes) {
      if (change.action === 'raise') await this.raise(manager, change);
      else await this.clear(manager, change);
    }
  }

  async list(agencyCodes: string[], state?: 'raised' | 'cleared'): Promise<WarningRow[]> {
    return this.dataSource.query(
      `SELECT * FROM warning WHERE agency_code = ANY($1) AND ($2::text IS NULL OR state = $2)
        ORDER BY raised_at DESC, id LIMIT 1000`,
      [agencyCodes, state ?? null],
    );
  }

  private async raise(manager: EntityManager, change: RaiseWarning): Promise<void> {
    const endedAt = change.emittedAt ? await this.endedSince(manager, change, change.emittedAt) : undefined;
    if (!endedAt) {
      await this.raiseOrEscalate(manager, change);
      return;
    }
    // The condition had ended before this raise was consumed (its clear came first, on another topic). A warning
    // cleared since the raise was emitted already tells it; otherwise record it raised and cleared, as the two
    // events in order would have.
    const [told] = (await manager.query(
      `SELECT 1 FROM warning WHERE kind = $1 AND subject = $2 AND state = 'cleared' AND cleared_at >= $3`,
      [change.kind, change.subject, change.emittedAt],
    )) as unknown[];
    if (told) return;
    await this.raiseOrEscalate(manager, change);
    await this.clear(manager, { action: 'clear', kind: change.kind, subject: change.subject, at: endedAt });
  }

  /** When the condition of `change` was last remembered as ended, if at or after `since`. */
  private async endedSince(
    manager: EntityManager,
    change: RaiseWarning,
    since: string,
  ): Promise<string | undefined> {
    const [ended] = (await manager.query(
      `SELECT cleared_at FROM warning_clearance WHERE kind = $1 AND subject = $2 AND cleared_at >= $3`,
      [change.kind, change.subject, since],
    )) as Array<{ cleared_at: Date }>;
    return ended ? new Date(ended.cleared_at).toISOString() : undefined;
  }

  private async raiseOrEscalate(manager: EntityManager, change: RaiseWarning): Promise<void> {
    const [open] = (await manager.query(
      `SELECT * FROM warning WHERE kind = $1 AND subject = $2 AND state = 'raised' FOR UPDATE`,
      [change.kind, change.subject],
    )) as WarningRow[];
    if (open) {
      // A near deadline that has now passed worsens the open warning, so does a stronger reminder; a repeat
      // or a milder raise changes nothing.
      const worse = open.severity === 'near' && change.severity === 'past';
      const stronger = change.escalates === true && change.message !== open.message;
      if (worse || stronger) {
        const [row] = (await manager.query(
          `UPDATE warning SET severity = $2, message = $3, due_at = $4 WHERE id = $1 RETURNING *`,
          [open.id, worse ? 'past' : open.severity, change.message, change.dueAt ?? open.due_at],
        )) as [WarningRow[], number];
        await this.announce(manager, row[0], STATISTICS_EVENT_TYPES.warningEscalated, change.at);
      }
      return;
    }
    const [row] = (await manager.query(
      `INSERT INTO warning (id, kind, subject, agency_code, severity, state, message, due_at, raised_at)
       VALUES ($1, $2, $3, $4, $5, 'raised', $6, $7, $8) RETURNING *`,
      [
        randomUUID(),
        change.kind,
        change.subject,
        change.agencyCode,
        change.severity,
        change.message,
        change.dueAt ?? null,
        change.at,
      ],
    )) as WarningRow[];
    await this.announce(manager, row, STATISTICS_EVENT_TYPES.warningRaised, change.at);
  }

  private async clear(manager: EntityManager, change: ClearWarning): Promise<void> {
    if (change.outlivesRaise)
      await manager.query(
        `INSERT INTO warning_clearance (kind, subject, cleared_at) VALUES ($1, $2, $3)
         ON CONFLICT (kind, subject) DO UPDATE SET cleared_at = GREATEST(warning_clearance.cleared_at, EXCLUDED.cleared_at)`,
        [change.kind, change.subject, change.at],
      );
    const [rows] = (await manager.query(
      `UPDATE warning SET state = 'cleared', cleared_at = $3
        WHERE kind = $1 AND state = 'raised'
          AND (CASE WHEN $4 THEN starts_with(subject, $2) ELSE subject = $2 END) RETURNING *`,
      [change.kind, change.subject, change.at, change.subjectPrefix === true],
    )) as [WarningRow[], number];
    for (const row of rows) {
      await this.announce(manager, row, STATISTICS_EVENT_TYPES.warningCleared, change.at);
    }
  }

  private async announce(manager: EntityManager, row: WarningRow, type: string, at: string): Promise<void> {
    const data: WarningEventData = {
      warningId: row.id,
      kind: row.kind,
      subject: row.subject,
      agencyCode: row.agency_code,
      severity: row.severity,
      state: row.state,
      message: row.message,
      ...(row.due_at ? { dueAt: new Date(row.due_at).toISOString() } : {}),
      at,
    };
    // One event per change: a warning may be escalated more than once, each time at a different instant.
    const change = type.split('.').slice(-2, -1)[0];
    await enqueueEvent(
      manager,
      TOPICS.statisticsWarning,
      row.agency_code,
      createCloudEvent({
        id: `${row.id}:${change}:${Date.parse(at)}`,
        source: STATISTICS_EVENT_SOURCE,
        type,
        subject: row.id,
        time: new Date(at),
        data,
      }),
    );
  }
}
