import { HttpException } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { toViolations } from '@lep/nest-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { AgenciesService } from '../agencies/agencies.service';
import { CreateAgencyDto } from '../agencies/agency.dto';
import type { ImportRow, LineError } from './import-rows';
import type { UpsertCounts } from './personnel-import';

/** The line's cells as the agency API's body; empty optional cells are left out. */
function agencyBody(row: ImportRow): Record<string, unknown> {
  const cell = (name: string) => (row.fields[name] ?? '').trim();
  const code = cell('code');
  return {
    code,
    name: cell('name'),
    level: cell('level'),
    ...(cell('parentCode') ? { parentCode: cell('parentCode') } : {}),
    unifiedSocialCreditCode: cell('unifiedSocialCreditCode'),
    legalBasis: cell('legalBasis'),
    dutiesAndPowers: cell('dutiesAndPowers'),
    region: cell('region'),
    legalReviewBody: {
      name: cell('legalReviewBodyName'),
      agencyCode: cell('legalReviewBodyAgencyCode') || code,
    },
    // An empty cell keeps what the agency has (as a body leaving the field out); a file cannot clear one.
    ...Object.fromEntries(
      (['remedyChannels', 'supervisionMethods', 'complaintChannels'] as const)
        .filter((field) => cell(field) !== '')
        .map((field) => [field, cell(field)]),
    ),
  };
}

function lineErrorsOf(line: number, error: unknown): LineError[] {
  if (!(error instanceof HttpException)) throw error;
  const body = error.getResponse() as { message?: string; violations?: { field: string; rule: string }[] };
  const violations = body.violations ?? [];
  if (violations.length === 0)
    return [
      { line, field: 'code', rule: 'registry', message: `第 ${line} 行：${body.message ?? '不符合要求'}` },
    ];
  return violations.map((violation) => ({
    line,
    field: violation.field,
    rule: violation.rule,
    message: `第 ${line} 行：${body.message ?? ''}（${violation.field}）`,
  }));
}

/**
 * Agencies go through the same checks as the agency API (DTO, USCC check character, hierarchy, reach of the
 * caller), line by line in the order given inside the caller's transaction, so a parent may be on an earlier
 * line (the CLI sends parents first). Agency files are small (the 兵团 has hundreds of bodies, a national
 * register some thousands), so per-line work is affordable here.
 */
export async function importAgencies(
  manager: EntityManager,
  principal: Principal,
  rows: ImportRow[],
  agencies: AgenciesService,
  access: AgencyAccess,
  // Bodies created earlier in this transaction: not yet visible to the hierarchy lookup (it reads outside this
  // transaction), but the caller's reach over them was checked when they were created.
  createdHere: Set<string>,
): Promise<{ counts: UpsertCounts; errors: LineError[] }> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const errors: LineError[] = [];
  for (const row of rows) {
    const dto = plainToInstance(CreateAgencyDto, agencyBody(row));
    const invalid = toViolations(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (invalid.length > 0) {
      errors.push(
        ...invalid.map((v) => ({
          line: row.line,
          field: v.field,
          rule: v.rule,
          message: `第 ${row.line} 行：${v.message}`,
        })),
      );
      continue;
    }
    try {
      const exists = (await manager.query('SELECT 1 FROM agency WHERE code = $1', [dto.code])).length > 0;
      // As the agency API: a new body needs reach over its parent, a changed one over itself and its new parent.
      const reach = exists
        ? [dto.code, ...(dto.parentCode ? [dto.parentCode] : [])]
        : [dto.parentCode ?? dto.code];
      await access.assertCanManage(principal, ...reach.filter((code) => !createdHere.has(code)));
      const outcome = await agencies.upsertIn(manager, dto);
      if (outcome === 'inserted') createdHere.add(dto.code);
      counts[outcome] += 1;
    } catch (error) {
      errors.push(...lineErrorsOf(row.line, error));
    }
  }
  return { counts, errors };
}
