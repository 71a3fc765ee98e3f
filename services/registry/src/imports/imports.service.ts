import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { ApiError, FieldViolation } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { AgenciesService } from '../agencies/agencies.service';
import { AgencyEntity } from '../agencies/agency.entity';
import { actor } from '../common/actor';
import { importAgencies } from './agency-import';
import {
  checkPersonnelRow,
  checkTargetRow,
  duplicateKeys,
  ImportKind,
  ImportRow,
  LineError,
  PersonnelImportRow,
  TargetImportRow,
} from './import-rows';
import { ImportBatchDto, ImportBatchResult, ImportMode } from './imports.dto';
import { checkItemRow, upsertItems } from './item-import';
import { upsertPersonnel, UpsertCounts } from './personnel-import';
import { upsertTargets } from './target-import';

/** 400 naming `<list>.<index>.line|fields` unless every row is `{ line: positive integer, fields: { [column]: string } }`. */
function checkRowShape(rows: unknown[], list: 'rows' | 'context'): ImportRow[] {
  const violations: FieldViolation[] = [];
  rows.forEach((row, index) => {
    const { line, fields } = (typeof row === 'object' && row !== null ? row : {}) as Partial<ImportRow>;
    if (!Number.isInteger(line) || (line as number) < 1)
      violations.push({
        field: `${list}.${index}.line`,
        rule: 'min',
        message: `字段 ${list}.${index}.line 应为正整数行号`,
      });
    if (
      typeof fields !== 'object' ||
      fields === null ||
      Array.isArray(fields) ||
      !Object.values(fields).every((cell) => typeof cell === 'string')
    )
      violations.push({
        field: `${list}.${index}.fields`,
        rule: 'isObject',
        message: `字段 ${list}.${index}.fields 应为列名到文本的对象`,
      });
  });
  if (violations.length > 0)
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      '请求参数不符合要求',
      violations.slice(0, 100),
    );
  return rows as ImportRow[];
}

/** Thrown to roll back a validate-mode batch that was run for real. */
class ValidatedOnly extends Error {}

function checkAll<T>(rows: ImportRow[], check: (row: ImportRow) => T | LineError[]) {
  const valid: T[] = [];
  const errors: LineError[] = [];
  for (const row of rows) {
    const result = check(row);
    if (Array.isArray(result)) errors.push(...result);
    else valid.push(result);
  }
  return { valid, errors };
}

function rowsInvalid(errors: LineError[]): ApiError {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'IMPORT_ROWS_INVALID',
    `导入数据有 ${sorted.length} 处错误，本批未写入：${sorted[0]!.message}${sorted.length > 1 ? ' 等' : ''}`,
    sorted.map((error) => ({
      field: `lines.${error.line}.${error.field}`,
      rule: error.rule,
      message: error.message,
    })),
  );
}

/**
 * Bulk import behind `npx lep registry import`: each request is one batch of CSV lines, checked line by line
 * (format, then references: agency registered and within the caller's reach), and in apply mode written in
 * one transaction — all of the batch or none of it. Errors name the file's line numbers.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
    private readonly agencyRegister: AgenciesService,
  ) {}

  async importBatch(
    principal: Principal,
    kind: ImportKind,
    batch: ImportBatchDto,
  ): Promise<ImportBatchResult> {
    const { mode } = batch;
    const rows = checkRowShape(batch.rows, 'rows');
    if (batch.context !== undefined && (kind !== 'agencies' || mode !== 'validate'))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'IMPORT_CONTEXT_UNSUPPORTED',
        '只有执法主体导入的校验请求可以附带 context（上级执法主体所在的行）',
        [
          {
            field: 'context',
            rule: 'agenciesValidateOnly',
            message: '字段 context 仅用于 agencies 的 validate 请求',
          },
        ],
      );
    const context = checkRowShape(batch.context ?? [], 'context');
    const counts =
      kind === 'personnel'
        ? await this.personnel(principal, mode, rows)
        : kind === 'targets'
          ? await this.targets(principal, mode, rows)
          : kind === 'items'
            ? await this.items(principal, mode, rows)
            : await this.agencies(principal, mode, rows, context);
    return { mode, rows: rows.length, ...counts };
  }

  private async personnel(principal: Principal, mode: ImportMode, rows: ImportRow[]): Promise<UpsertCounts> {
    const { valid, errors } = checkAll(rows, checkPersonnelRow);
    errors.push(...duplicateKeys(valid, (row) => row.certificateNumber, 'certificateNumber'));
    // Moving a person between agencies needs reach over the agency they leave as well.
    const current: { certificate_number: string; agency_code: string }[] = await this.dataSource.query(
      `SELECT certificate_number, agency_code FROM personnel WHERE certificate_number = ANY($1::text[])`,
      [valid.map((row) => row.certificateNumber)],
    );
    const currentAgency = new Map(current.map((row) => [row.certificate_number, row.agency_code]));
    errors.push(
      ...(await this.referenceErrors(principal, valid, (row) => [
        row.agencyCode,
        currentAgency.get(row.certificateNumber),
      ])),
    );
    errors.push(...(await this.principalConflicts(valid)));
    if (errors.length > 0) throw rowsInvalid(errors);
    if (mode === 'validate') return { inserted: 0, updated: 0, unchanged: 0 };
    const agencies = [
      ...new Set(
        valid.flatMap((row) => [row.agencyCode, currentAgency.get(row.certificateNumber) ?? row.agencyCode]),
      ),
    ];
    return this.dataSource.transaction(async (manager) => {
      await this.lockAgencies(manager, agencies);
      return upsertPersonnel(manager, valid as PersonnelImportRow[]);
    });
  }

  private async targets(principal: Principal, mode: ImportMode, rows: ImportRow[]): Promise<UpsertCounts> {
    const { valid, errors } = checkAll(rows, checkTargetRow);
    errors.push(...duplicateKeys(valid, (row) => `${row.agencyCode}/${row.code}`, 'code'));
    errors.push(...(await this.referenceErrors(principal, valid, (row) => [row.agencyCode])));
    if (errors.length > 0) throw rowsInvalid(errors);
    if (mode === 'validate') return { inserted: 0, updated: 0, unchanged: 0 };
    return this.dataSource.transaction((manager) => upsertTargets(manager, valid as TargetImportRow[]));
  }

  /**
   * Each agency's lines are merged into its item list and submitted for legal review as one new version. Validate mode
   * runs the merge and rolls it back, so a list that would grow past its limit is refused before anything is
   * written.
   */
  private async items(principal: Principal, mode: ImportMode, rows: ImportRow[]): Promise<UpsertCounts> {
    const { valid, errors } = checkAll(rows, checkItemRow);
    errors.push(...duplicateKeys(valid, (row) => `${row.agencyCode}/${row.item.code}`, 'code'));
    errors.push(...(await this.referenceErrors(principal, valid, (row) => [row.agencyCode])));
    if (errors.length > 0) throw rowsInvalid(errors);
    return this.inTransaction(mode, async (manager) => {
      const outcome = await upsertItems(manager, valid, actor(principal));
      if (outcome.errors.length > 0) throw rowsInvalid(outcome.errors);
      return outcome.counts;
    });
  }

  /**
   * Validate mode runs the whole batch and rolls it back, so parents on earlier lines count; the context lines
   * (ancestors registered by earlier batches of the same file) run first and only their children's errors
   * are reported here.
   */
  private async agencies(
    principal: Principal,
    mode: ImportMode,
    rows: ImportRow[],
    context: ImportRow[],
  ): Promise<UpsertCounts> {
    const duplicates = duplicateKeys(rows, (row) => (row.fields.code ?? '').trim(), 'code');
    if (duplicates.length > 0) throw rowsInvalid(duplicates);
    return this.inTransaction(mode, async (manager) => {
      const created = new Set<string>();
      await importAgencies(manager, principal, context, this.agencyRegister, this.access, created);
      const { counts, errors } = await importAgencies(
        manager,
        principal,
        rows,
        this.agencyRegister,
        this.access,
        created,
      );
      if (errors.length > 0) throw rowsInvalid(errors);
      return counts;
    });
  }

  /** Runs `work` in one transaction: committed in apply mode, rolled back (answering zero counts) in validate mode. */
  private async inTransaction(
    mode: ImportMode,
    work: (manager: EntityManager) => Promise<UpsertCounts>,
  ): Promise<UpsertCounts> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const counts = await work(manager);
        if (mode === 'validate') throw new ValidatedOnly();
        return counts;
      });
    } catch (error) {
      if (error instanceof ValidatedOnly) return { inserted: 0, updated: 0, unchanged: 0 };
      throw error;
    }
  }

  /** Each line's agencies must be registered and within the caller's reach; checked once per distinct agency. */
  private async referenceErrors<T extends { line: number }>(
    principal: Principal,
    rows: T[],
    agenciesOf: (row: T) => (string | undefined)[],
  ): Promise<LineError[]> {
    const codes = [
      ...new Set(rows.flatMap((row) => agenciesOf(row)).filter((code): code is string => !!code)),
    ];
    const registered: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM agency WHERE code = ANY($1::text[])`,
      [codes],
    );
    const known = new Set(registered.map((row) => row.code));
    const reachable = new Set<string>();
    for (const code of known) {
      try {
        await this.access.assertCanManage(principal, code);
        reachable.add(code);
      } catch {
        // Reported per line below.
      }
    }
    const errors: LineError[] = [];
    for (const row of rows)
      for (const code of agenciesOf(row)) {
        if (!code) continue;
        if (!known.has(code))
          errors.push({
            line: row.line,
            field: 'agencyCode',
            rule: 'exists',
            message: `第 ${row.line} 行：执法主体 ${code} 未登记`,
          });
        else if (!reachable.has(code))
          errors.push({
            line: row.line,
            field: 'agencyCode',
            rule: 'agencyAccess',
            message: `第 ${row.line} 行：无权管理执法主体 ${code} 的数据`,
          });
      }
    return errors;
  }

  /**
   * One principal leader (主要负责人) per agency (domain.md L6c): a line making someone principal is refused when
   * an earlier line names another principal of that agency, or when the agency has one already who this batch
   * does not step down or move away. The unique index stays the last word against a concurrent change.
   */
  private async principalConflicts(rows: PersonnelImportRow[]): Promise<LineError[]> {
    const naming = rows.filter((row) => row.principalLeader === true);
    if (naming.length === 0) return [];
    const current: { agency_code: string; certificate_number: string; name: string }[] =
      await this.dataSource.query(
        `SELECT agency_code, certificate_number, name FROM personnel
          WHERE principal_leader AND agency_code = ANY($1::text[])`,
        [[...new Set(naming.map((row) => row.agencyCode))]],
      );
    const byCertificate = new Map(rows.map((row) => [row.certificateNumber, row]));
    const errors: LineError[] = [];
    const named = new Map<string, PersonnelImportRow>();
    for (const row of naming) {
      const earlier = named.get(row.agencyCode);
      const sitting = current.find((person) => {
        if (person.agency_code !== row.agencyCode || person.certificate_number === row.certificateNumber)
          return false;
        const line = byCertificate.get(person.certificate_number);
        return !line || (line.principalLeader !== false && line.agencyCode === row.agencyCode);
      });
      const problem = earlier
        ? `第 ${row.line} 行：第 ${earlier.line} 行已将 ${earlier.name} 登记为执法主体 ${row.agencyCode} 的主要负责人`
        : sitting
          ? `第 ${row.line} 行：执法主体 ${row.agencyCode} 已有主要负责人 ${sitting.name}，须先在同一文件中将其改为“否”`
          : undefined;
      if (problem)
        errors.push({ line: row.line, field: 'principalLeader', rule: 'onePerAgency', message: problem });
      else named.set(row.agencyCode, row);
    }
    return errors;
  }

  /** Same order as PersonnelService: per-agency locks keep concurrent reviewer-ratio checks honest. */
  private async lockAgencies(manager: EntityManager, codes: string[]): Promise<void> {
    await manager
      .createQueryBuilder(AgencyEntity, 'a')
      .setLock('pessimistic_write')
      .where('a.code IN (:...codes)', { codes: [...codes].sort() })
      .orderBy('a.code')
      .getMany();
  }
}
