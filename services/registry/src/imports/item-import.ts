import {
  AGENCY_CODE_PATTERN,
  EnforcementItem,
  EnforcementItemListContent,
  ITEM_CATEGORY_LABELS,
} from '@lep/contracts';
import { FieldViolation, toViolations } from '@lep/nest-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { EnforcementItemDto, MAX_LIST_LENGTH } from '../item-lists/item-list.dto';
import { openSubmission, submitVersion } from '../item-lists/item-list-review.service';
import { latestVersion, lockListsOf } from '../item-lists/item-lists.service';
import type { ImportRow, LineError } from './import-rows';
import type { UpsertCounts } from './personnel-import';

export interface ItemImportRow {
  line: number;
  agencyCode: string;
  item: EnforcementItem;
}

const CATEGORY_BY_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(ITEM_CATEGORY_LABELS).map(([category, label]) => [label, category]),
);

/** A whole number of days stays a number; anything else is passed on as text for the DTO to refuse. */
function days(text: string): number | string {
  return /^\d{1,4}$/.test(text) ? Number(text) : text;
}

/** The line's cells as the item list API's item; empty optional cells are left out. */
function itemBody(row: ImportRow): Record<string, unknown> {
  const cell = (name: string) => (row.fields[name] ?? '').trim();
  const category = cell('category');
  return {
    code: cell('code'),
    name: cell('name'),
    category: CATEGORY_BY_LABEL[category] ?? category,
    legalBasis: cell('legalBasis'),
    procedure: cell('procedure'),
    statutoryWorkingDays: days(cell('statutoryWorkingDays')),
    ...(cell('promisedWorkingDays') ? { promisedWorkingDays: days(cell('promisedWorkingDays')) } : {}),
    ...(cell('acceptingBody') ? { acceptingBody: cell('acceptingBody') } : {}),
    ...(cell('approvingBody') ? { approvingBody: cell('approvingBody') } : {}),
    ...(cell('serviceGuide') ? { serviceGuide: cell('serviceGuide') } : {}),
  };
}

/** Text where a number belongs breaks every numeric rule at once: only "should be a whole number" is told. */
function onePerField(violations: FieldViolation[]): FieldViolation[] {
  const notANumber = new Set(violations.filter((v) => v.rule === 'isInt').map((v) => v.field));
  return violations.filter((violation) => !notANumber.has(violation.field) || violation.rule === 'isInt');
}

/** One line of an item list file: its agency code, then the item as the item list API's own DTO checks it. */
export function checkItemRow(row: ImportRow): ItemImportRow | LineError[] {
  const agencyCode = (row.fields.agencyCode ?? '').trim();
  const dto = plainToInstance(EnforcementItemDto, itemBody(row));
  const errors: LineError[] = [
    ...(AGENCY_CODE_PATTERN.test(agencyCode)
      ? []
      : [
          {
            line: row.line,
            field: 'agencyCode',
            rule: 'matches',
            message: `第 ${row.line} 行：agencyCode 应为执法主体代码，实为“${agencyCode}”`,
          },
        ]),
    ...onePerField(toViolations(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))).map(
      (violation) => ({
        line: row.line,
        field: violation.field,
        rule: violation.rule,
        message:
          violation.field === 'category'
            ? `第 ${row.line} 行：字段 category 应为 ${Object.values(ITEM_CATEGORY_LABELS).join('、')} 之一（或其英文名），实为“${(row.fields.category ?? '').trim()}”`
            : `第 ${row.line} 行：${violation.message}`,
      }),
    ),
  ];
  if (errors.length > 0) return errors;
  return { line: row.line, agencyCode, item: { ...dto } };
}

/** The stored form of an item, fields in one order, so a re-imported item compares equal to what is stored. */
function canonical(item: EnforcementItem): EnforcementItem {
  return {
    code: item.code,
    name: item.name,
    category: item.category,
    legalBasis: item.legalBasis,
    procedure: item.procedure,
    statutoryWorkingDays: item.statutoryWorkingDays,
    ...(item.promisedWorkingDays !== undefined ? { promisedWorkingDays: item.promisedWorkingDays } : {}),
    ...(item.acceptingBody !== undefined ? { acceptingBody: item.acceptingBody } : {}),
    ...(item.approvingBody !== undefined ? { approvingBody: item.approvingBody } : {}),
    ...(item.serviceGuide !== undefined ? { serviceGuide: item.serviceGuide } : {}),
  };
}

/**
 * Merges each agency's lines into its list by item code (items the file does not name stay as they are) and,
 * when anything changed, submits the result as the agency's next version for its legal review body through the
 * same path as the list API: the list is published when the review body approves it (S二(二)3 事前). The merge
 * builds on the submission still waiting for review, if any, else on the published version. An agency whose
 * lines all match it gets no new submission, so re-imports change nothing.
 */
export async function upsertItems(
  manager: EntityManager,
  rows: ItemImportRow[],
  submittedBy: string,
): Promise<{ counts: UpsertCounts; errors: LineError[] }> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const errors: LineError[] = [];
  const byAgency = new Map<string, ItemImportRow[]>();
  for (const row of rows) {
    const agencyRows = byAgency.get(row.agencyCode) ?? [];
    agencyRows.push(row);
    byAgency.set(row.agencyCode, agencyRows);
  }
  for (const [agencyCode, agencyRows] of [...byAgency].sort(([a], [b]) => a.localeCompare(b))) {
    await lockListsOf(manager, agencyCode);
    const current =
      (await openSubmission(manager, agencyCode, 'enforcement-items')) ??
      (await latestVersion(manager, agencyCode, 'enforcement-items'));
    const items = new Map(
      ((current?.content as EnforcementItemListContent | undefined)?.items ?? []).map((item) => [
        item.code,
        canonical(item),
      ]),
    );
    let changed = 0;
    for (const row of agencyRows) {
      const item = canonical(row.item);
      const stored = items.get(item.code);
      if (stored && JSON.stringify(stored) === JSON.stringify(item)) {
        counts.unchanged += 1;
        continue;
      }
      counts[stored ? 'updated' : 'inserted'] += 1;
      changed += 1;
      items.set(item.code, item);
    }
    if (items.size > MAX_LIST_LENGTH) {
      const line = agencyRows[agencyRows.length - 1]!.line;
      errors.push({
        line,
        field: 'code',
        rule: 'arrayMaxSize',
        message: `第 ${line} 行：执法主体 ${agencyCode} 的行政执法事项清单将有 ${items.size} 项，超过 ${MAX_LIST_LENGTH} 项上限`,
      });
      continue;
    }
    if (changed > 0)
      await submitVersion(
        manager,
        agencyCode,
        'enforcement-items',
        { items: [...items.values()] },
        submittedBy,
      );
  }
  return { counts, errors };
}
