export { createJsonLogger, JsonLoggerService, LOG_LEVELS } from './json-logger';
export type { JsonLoggerOptions, LogLevel } from './json-logger';
export { redactLogText } from './redaction';
export { currentRequestId, REQUEST_ID_HEADER, requestIdFrom } from './request-context';
export { requestLogging } from './request-logging';
export type { ServedRequest } from './request-logging';
export { kafkaJsonLogCreator, TypeOrmJsonLogger } from './library-loggers';
