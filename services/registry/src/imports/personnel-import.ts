import { randomUUID } from 'node:crypto';
import {
  createCloudEvent,
  PersonnelChangedData,
  REGISTRY_EVENT_SOURCE,
  REGISTRY_EVENT_TYPES,
  TOPICS,
} from '@lep/contracts';
import { enqueueEvents } from '@lep/nest-kit';
import type { EntityManager } from 'typeorm';
import { chinaDate } from '../common/dates';
import { shownStatus, statusOnSql } from '../personnel/certificate-status';
import type { CertificateStatus, LegalStanding } from '../personnel/personnel.entity';
import type { PersonnelImportRow } from './import-rows';
import { announceRatioChanges, contributionsBefore } from './import-reviewer-ratio';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

interface ChangedRow {
  id: string;
  inserted: boolean;
  agency_code: string;
  roles: string[];
  name: string;
  certificate_number: string;
  certificate_issued_on: string;
  certificate_expires_on: string;
  scope: string;
  has_legal_standing: boolean;
}

/**
 * Upserts a batch of personnel by certificate number in one statement. A row identical to what is stored is
 * left alone (no write, no event), so importing the same file twice changes nothing the second time. New
 * people get their first certificate status step, as in PersonnelService.create; every inserted or changed
 * person gets the same pre-disclosure event a single change would, written to the outbox in one statement.
 * An omitted ID number keeps the stored one, as in the single-person update; so do an omitted legal standing and
 * principal mark (the file has no such column).
 */
export async function upsertPersonnel(
  manager: EntityManager,
  rows: PersonnelImportRow[],
): Promise<UpsertCounts> {
  const certificateNumbers = rows.map((row) => row.certificateNumber);
  const before = await contributionsBefore(manager, certificateNumbers);
  const stored = await storedStanding(manager, certificateNumbers);
  // A file without the legalStanding or principalLeader column keeps what is stored; a new person has none.
  const standing = rows.map(
    (row) => row.legalStanding ?? stored.get(row.certificateNumber)?.legalStanding ?? [],
  );
  const principal = rows.map(
    (row) => row.principalLeader ?? stored.get(row.certificateNumber)?.principalLeader ?? false,
  );
  const changed: ChangedRow[] = await manager.query(
    `INSERT INTO personnel AS p (id, agency_code, name, id_number, roles, certificate_number,
                                 certificate_issued_on, certificate_expires_on, qualification, scope,
                                 legal_standing, principal_leader)
     SELECT id, agency_code, name, id_number, string_to_array(roles, ','), certificate_number,
            issued::date, expires::date, qualification, scope, standing::jsonb, principal
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::boolean[])
         AS input(id, agency_code, name, id_number, roles, certificate_number, issued, expires, qualification, scope,
                  standing, principal)
      -- Lines identical to what is stored are left out before the upsert: ON CONFLICT would lock (and so
      -- write) each of their rows even when its WHERE then skips the update.
      WHERE NOT EXISTS (
        SELECT 1 FROM personnel same
         WHERE same.certificate_number = input.certificate_number
           AND (same.agency_code, same.name, same.roles, same.certificate_issued_on, same.certificate_expires_on,
                same.qualification, same.scope, same.id_number, same.legal_standing, same.principal_leader)
               IS NOT DISTINCT FROM
               (input.agency_code, input.name, string_to_array(input.roles, ','), input.issued::date,
                input.expires::date, input.qualification, input.scope, COALESCE(input.id_number, same.id_number),
                input.standing::jsonb, input.principal))
      -- Principals stepping down are written first: one principal per agency is checked row by row.
      ORDER BY input.principal
     ON CONFLICT (certificate_number) DO UPDATE SET
       agency_code = EXCLUDED.agency_code, name = EXCLUDED.name,
       id_number = COALESCE(EXCLUDED.id_number, p.id_number), roles = EXCLUDED.roles,
       certificate_issued_on = EXCLUDED.certificate_issued_on,
       certificate_expires_on = EXCLUDED.certificate_expires_on,
       qualification = EXCLUDED.qualification, scope = EXCLUDED.scope,
       legal_standing = EXCLUDED.legal_standing, principal_leader = EXCLUDED.principal_leader, updated_at = now()
     WHERE (p.agency_code, p.name, p.roles, p.certificate_issued_on, p.certificate_expires_on, p.qualification,
            p.scope, p.id_number, p.legal_standing, p.principal_leader)
           IS DISTINCT FROM
           (EXCLUDED.agency_code, EXCLUDED.name, EXCLUDED.roles, EXCLUDED.certificate_issued_on,
            EXCLUDED.certificate_expires_on, EXCLUDED.qualification, EXCLUDED.scope,
            COALESCE(EXCLUDED.id_number, p.id_number), EXCLUDED.legal_standing, EXCLUDED.principal_leader)
     RETURNING p.id, (xmax = 0) AS inserted, p.agency_code, p.roles, p.name, p.certificate_number,
               to_char(p.certificate_issued_on, 'YYYY-MM-DD') AS certificate_issued_on,
               to_char(p.certificate_expires_on, 'YYYY-MM-DD') AS certificate_expires_on, p.scope,
               jsonb_array_length(p.legal_standing) > 0 AS has_legal_standing`,
    [
      rows.map(() => randomUUID()),
      rows.map((row) => row.agencyCode),
      rows.map((row) => row.name),
      rows.map((row) => row.idNumber),
      rows.map((row) => row.roles.join(',')),
      certificateNumbers,
      rows.map((row) => row.certificateIssuedOn),
      rows.map((row) => row.certificateExpiresOn),
      rows.map((row) => row.qualification),
      rows.map((row) => row.scope),
      standing.map((entries) => JSON.stringify(entries)),
      principal,
    ],
  );
  const inserted = changed.filter((row) => row.inserted);
  if (inserted.length > 0)
    await manager.query(
      `INSERT INTO personnel_status_change (personnel_id, status, effective_on, reason)
       SELECT id, 'active', issued::date, '发证' FROM unnest($1::uuid[], $2::text[]) AS input(id, issued)`,
      [inserted.map((row) => row.id), inserted.map((row) => row.certificate_issued_on)],
    );
  const statuses = await announce(manager, changed);
  await announceRatioChanges(
    manager,
    changed.map((row) => ({
      before: before.get(row.certificate_number),
      after: {
        agencyCode: row.agency_code,
        roles: row.roles,
        issuedOn: row.certificate_issued_on,
        expiresOn: row.certificate_expires_on,
        status: statuses.get(row.id) ?? null,
        hasLegalStanding: row.has_legal_standing,
      },
    })),
  );
  return {
    inserted: inserted.length,
    updated: changed.length - inserted.length,
    unchanged: rows.length - changed.length,
  };
}

/** The stored legal standing and principal mark of the people a batch names, by certificate number. */
async function storedStanding(
  manager: EntityManager,
  certificateNumbers: string[],
): Promise<Map<string, { legalStanding: LegalStanding[]; principalLeader: boolean }>> {
  const rows: { certificate_number: string; legal_standing: LegalStanding[]; principal_leader: boolean }[] =
    await manager.query(
      `SELECT certificate_number, legal_standing, principal_leader FROM personnel
        WHERE certificate_number = ANY($1::text[])`,
      [certificateNumbers],
    );
  return new Map(
    rows.map((row) => [
      row.certificate_number,
      { legalStanding: row.legal_standing, principalLeader: row.principal_leader },
    ]),
  );
}

/** Writes the pre-disclosure events of the changed people; answers each one's certificate status today. */
async function announce(
  manager: EntityManager,
  changed: ChangedRow[],
): Promise<Map<string, CertificateStatus | null>> {
  if (changed.length === 0) return new Map();
  // A new person's only status step is 'active' from the issue date; only updated people need the timeline.
  const today = chinaDate();
  const updated = changed.filter((row) => !row.inserted).map((row) => row.id);
  const statuses: { id: string; status: CertificateStatus | null }[] =
    updated.length === 0
      ? []
      : await manager.query(
          `SELECT p.id, ${statusOnSql('$2')} AS status FROM personnel p WHERE p.id = ANY($1::uuid[])`,
          [updated, today],
        );
  const statusOf = new Map<string, CertificateStatus | null>(statuses.map((row) => [row.id, row.status]));
  for (const row of changed)
    if (row.inserted) statusOf.set(row.id, row.certificate_issued_on <= today ? 'active' : null);
  await enqueueEvents(
    manager,
    changed.map((row) => {
      const data: PersonnelChangedData = {
        personnelId: row.id,
        name: row.name,
        agencyCode: row.agency_code,
        certificateNumber: row.certificate_number,
        certificateIssuedOn: row.certificate_issued_on,
        certificateExpiresOn: row.certificate_expires_on,
        status:
          shownStatus(statusOf.get(row.id) ?? null, row.certificate_expires_on, today) ?? 'not-yet-valid',
        scope: row.scope,
      };
      const event = createCloudEvent({
        source: REGISTRY_EVENT_SOURCE,
        type: REGISTRY_EVENT_TYPES.personnelChanged,
        subject: `personnel/${row.id}`,
        data,
      });
      return { topic: TOPICS.registryDisclosure, messageKey: row.agency_code, event };
    }),
  );
  return statusOf;
}
