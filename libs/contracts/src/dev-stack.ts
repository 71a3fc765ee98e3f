import type { ServiceName } from './services';

/**
 * Where `npm start` describes the stack it runs, relative to the user's home directory (LEP_DEV_STACK_FILE
 * names another file): written once every service is up, readable by its owner alone, removed when the stack
 * stops. `npx lep` reads it to find the running stack by itself. Development only.
 */
export const DEV_STACK_STATE_FILE = '.lep/dev-stack.json';

export interface DevStackState {
  /** The `npm start` process: a file whose process is gone describes nothing. */
  pid: number;
  startedAt: string;
  /** Base URL of every service. */
  services: Record<ServiceName, string>;
  temporalAddress: string;
  kafkaBrokers: string[];
  /** PostgreSQL URL of each service's database (case-api and the worker share lep_cases). */
  databases: Partial<Record<ServiceName, string>>;
  /** How the stack signs staff tokens (`lep auth token`, `lep demo`): a secret made for this run only. */
  auth: { jwtSecret: string; issuer: string; audience: string };
}
