import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@lep/calendar';
import type { CertificateSweepActivities } from '@lep/workflows';
import { DataSource } from 'typeorm';
import { CertificateWatch } from './certificate-watch';
import { WarningsService } from './warnings.service';

/** 08:00 China time on the calendar day after `at` (China time). */
export function nextMorningAfter(at: string): string {
  const day = chinaDateOf(Date.parse(at) + 24 * 60 * 60 * 1000);
  return new Date(`${day}T08:00:00+08:00`).toISOString();
}

/** The daily certificate check, run as activities of certificateSweepWorkflow. */
@Injectable()
export class CertificateSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watch: CertificateWatch,
    private readonly warnings: WarningsService,
  ) {}

  activities(afterCommit: () => void): CertificateSweepActivities {
    return {
      sweepCertificates: async (at) => {
        const changes = await this.dataSource.transaction(async (manager) => {
          const evaluated = await this.watch.evaluate(manager, await this.watch.sweepTargets(manager), at);
          await this.warnings.apply(manager, evaluated);
          return evaluated.length;
        });
        afterCommit();
        return changes;
      },
      nextCertificateSweepAt: async (at) => nextMorningAfter(at),
    };
  }
}
