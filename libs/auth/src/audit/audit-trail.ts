import { Injectable, Logger, Optional } from '@nestjs/common';
import { appendAudit, type AuditRecord } from '@lep/nest-kit';
import { DataSource } from 'typeorm';

/**
 * Writes the service's audit log (nest-kit's `audit_entry`, hash-chained). A service without a database only
 * logs. A failed append is logged loudly and never turns a done state change into an error for the caller.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('Audit');

  constructor(@Optional() private readonly dataSource?: DataSource) {}

  async record(record: AuditRecord): Promise<void> {
    if (!this.dataSource) return;
    try {
      await appendAudit(this.dataSource, record);
    } catch (error) {
      this.logger.error(
        `audit entry not written (${record.method} ${record.path} ${record.status}): ${(error as Error).message}`,
      );
    }
  }
}
