import type { TLSConfig } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { dataConverterFromEnv } from '@lep/temporal-codec';
import type { DependencyEnv } from './service-env';
import { temporalTls } from './transport-security';

/** How every Temporal client and worker of a service connects, from its validated environment. */
export interface TemporalConnectionOptions {
  address: string;
  namespace: string;
  tls?: TLSConfig;
  /** Payloads encrypted with the key ring of TEMPORAL_PAYLOAD_KEYS (the same in every client and worker). */
  dataConverter: DataConverter;
}

/**
 * The one place a service's Temporal connection settings are made — the client module and each hosted worker
 * take them from here, so none of them can connect without the payload codec.
 */
export function temporalConnection(
  env: DependencyEnv & { TEMPORAL_ADDRESS: string },
): TemporalConnectionOptions {
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    tls: temporalTls(env),
    dataConverter: dataConverterFromEnv(env),
  };
}
