import { Logger } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's messages through the service's JSON logger: failed and slow queries (the statement only — the
 * parameters carry personal data and are never logged), migrations, and its warnings. Successful queries are not
 * logged at all.
 */
export class TypeOrmJsonLogger implements TypeOrmLogger {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {
    // Every statement of every request: far too much, and nothing an operator acts on.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`query failed: ${error instanceof Error ? error.message : error} — ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function oneLine(query: string): string {
  const compact = query.replace(/\s+/g, ' ').trim();
  return compact.length > 500 ? `${compact.slice(0, 500)}…` : compact;
}

/** kafkajs' log lines (connection errors, rebalances) through the service's JSON logger. */
export const kafkaJsonLogCreator: logCreator = () => {
  const logger = new Logger('Kafka');
  return ({ namespace, level, log }) => {
    const { message, ...extra } = log;
    const details = Object.entries(extra)
      .filter(([key]) => key !== 'timestamp' && key !== 'logger')
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    const text = `${namespace}: ${message}${details ? ` (${details})` : ''}`;
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else if (level === logLevel.INFO) logger.log(text);
    else logger.debug(text);
  };
};
