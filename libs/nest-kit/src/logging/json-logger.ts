import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { REDACTED_PATHS, REDACTION_CENSOR, redactLogText } from './redaction';
import { activeSpanContext } from '../tracing/trace-context';
import { currentRequestId } from './request-context';

/** LOG_LEVEL's values (Nest's names), lowest first: each level writes itself and everything above it. */
export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PINO_LEVEL: Record<LogLevel | 'fatal', Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export interface JsonLoggerOptions {
  /** The service's name, on every line. */
  service: string;
  /** LOG_LEVEL; default `log`. `silent` writes nothing. */
  level?: LogLevel | 'silent';
  /** Where lines go; default standard output. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * The service's pino logger: one JSON object per line with `time` (ISO), `level` (pino's names: info for Nest's
 * log, trace for verbose), `service`, `requestId` while serving an HTTP request, `context` (the Nest logger's
 * name) and `msg`. Credentials and personal data are redacted from messages and from logged fields.
 */
export function createJsonLogger(options: JsonLoggerOptions): Logger {
  return pino(
    {
      level: options.level === 'silent' ? 'silent' : PINO_LEVEL[options.level ?? 'log'],
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        const span = activeSpanContext();
        return {
          ...(requestId === undefined ? {} : { requestId }),
          ...(span === undefined ? {} : { traceId: span.traceId, spanId: span.spanId }),
        };
      },
      redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
      hooks: {
        logMethod(args, write) {
          write.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactLogText(arg) : arg)) as typeof args,
          );
        },
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/**
 * Nest's LoggerService over pino, so Nest's own lines and every `new Logger(Context)` in LEP write the same JSON.
 * Nest passes the logger's context as the last argument, and for errors a stack before it.
 */
export class JsonLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel | 'fatal', message: unknown, params: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.pino.isLevelEnabled(pinoLevel)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    const stack = rest.find((param): param is string => typeof param === 'string' && param.includes('\n'));
    if (stack !== undefined) fields.stack = redactLogText(stack);
    if (message instanceof Error) {
      fields.err = {
        type: message.name,
        message: redactLogText(message.message),
        stack: message.stack && redactLogText(message.stack),
      };
      this.pino[pinoLevel](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[pinoLevel]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[pinoLevel](fields, String(message));
    }
  }
}
