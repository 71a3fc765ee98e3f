import { Injectable, Logger } from '@nestjs/common';
import { CalendarClient, CalendarRegion, chinaDateOf, layerName } from '@lep/calendar';
import { DataSource } from 'typeorm';
import { calendarSubject, WarningChange } from './warning-rules';
import { WarningsService } from './warnings.service';

/** From this month on (November), the coming year's notices are checked too: deadlines will soon reach it. */
const COMING_YEAR_FROM_MONTH = 11;

/**
 * The daily calendar check (run by the daily sweep workflow): every year the agencies' deadlines need now or
 * soon — this year, and from 1 November the next — must be loaded in the registry for the national layer and
 * for each region an agency counts on. A missing one is warned on the top agency of every tree that needs it,
 * before any deadline is counted provisionally; a loaded one clears the warnings.
 */
@Injectable()
export class CalendarCheck {
  private readonly logger = new Logger(CalendarCheck.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarClient,
    private readonly warnings: WarningsService,
  ) {}

  /** Checks as of `at`; returns how many warnings it raised or cleared. */
  async check(at: string): Promise<number> {
    const today = chinaDateOf(at);
    const year = Number(today.slice(0, 4));
    const years = Number(today.slice(5, 7)) >= COMING_YEAR_FROM_MONTH ? [year, year + 1] : [year];
    const calendar = await this.calendar.refresh();
    const regions: { region: string }[] = await this.dataSource.query(
      `SELECT DISTINCT region FROM stat_agency WHERE NOT removed AND region <> 'national' ORDER BY region`,
    );
    const changes: WarningChange[] = [];
    for (const needed of years) {
      for (const region of ['national', ...regions.map((row) => row.region)] as CalendarRegion[]) {
        const layer = { region, year: needed };
        if (calendar.has(layer)) {
          changes.push({
            action: 'clear',
            kind: 'calendar-missing',
            subject: calendarSubject(region, needed),
            subjectPrefix: true,
            at,
          });
          continue;
        }
        this.logger.warn(
          `the registry holds no ${needed} ${region} holiday notice; deadlines in it will be provisional`,
        );
        for (const agencyCode of await this.topAgenciesCountingOn(region)) {
          changes.push({
            action: 'raise',
            kind: 'calendar-missing',
            subject: calendarSubject(region, needed, agencyCode),
            agencyCode,
            severity: 'near',
            message:
              `${layerName(layer)}节假日安排尚未录入，该年度的期限届时只能暂定计算；` +
              `请平台管理员依据放假通知在登记服务录入`,
            at,
          });
        }
      }
    }
    return this.dataSource.transaction(async (manager) => {
      await this.warnings.apply(manager, changes);
      return changes.length;
    });
  }

  /** The top agencies (no parent) with an agency on `region`'s calendar in their tree; every top one for national. */
  private async topAgenciesCountingOn(region: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `WITH RECURSIVE tree(root, code, region, depth) AS (
         SELECT code, code, region, 0 FROM stat_agency WHERE parent_code IS NULL AND NOT removed
         UNION ALL
         SELECT t.root, a.code, a.region, t.depth + 1 FROM stat_agency a JOIN tree t ON a.parent_code = t.code
          WHERE NOT a.removed AND t.depth < 16
       ) SELECT DISTINCT root AS code FROM tree WHERE $1 = 'national' OR region = $1 ORDER BY root`,
      [region],
    );
    return rows.map((row) => row.code);
  }
}
