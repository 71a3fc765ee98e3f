import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidEnvironmentError, loadConfig } from './load-config';
import { ServiceEnv, WithKafka, WithS3, WithTemporal } from './service-env';
import { kafkaSecurity, s3TransportAgent, temporalTls } from './transport-security';

class TransportConfig extends WithTemporal(WithS3(WithKafka(ServiceEnv))) {
  override PORT = 3000;
}

const directory = mkdtempSync(path.join(tmpdir(), 'lep-transport-'));
const file = (name: string, content: string) => {
  const at = path.join(directory, name);
  writeFileSync(at, content);
  return at;
};
const ca = file('ca.pem', 'CA CERTIFICATE');
const cert = file('client.crt', 'CLIENT CERTIFICATE');
const key = file('client.key', 'CLIENT KEY');

const base = {
  KAFKA_BROKERS: 'kafka-1:9093',
  S3_ENDPOINT: 'https://minio.bingtuan.internal:9000',
  S3_ACCESS_KEY: 'access',
  S3_SECRET_KEY: 'secret',
  TEMPORAL_ADDRESS: 'temporal:7233',
  TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEY_ID: 'k1',
};

function problemWith(env: NodeJS.ProcessEnv): InvalidEnvironmentError {
  try {
    loadConfig(TransportConfig, env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error;
    throw error;
  }
  throw new Error('expected the environment to be refused');
}

describe('transport security from the environment', () => {
  it('leaves every dependency plaintext by default (dev stack, test peers)', () => {
    const config = loadConfig(TransportConfig, base);
    expect(kafkaSecurity(config)).toEqual({});
    expect(temporalTls(config)).toBeUndefined();
    expect(s3TransportAgent(config)).toBeUndefined();
  });

  it('turns on TLS and SASL/SCRAM towards Kafka', () => {
    const config = loadConfig(TransportConfig, {
      ...base,
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'lep-publication',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(kafkaSecurity(config)).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'lep-publication', password: 's3cret' },
    });
  });

  it('trusts a private CA for Kafka when its file is given', () => {
    const config = loadConfig(TransportConfig, {
      ...base,
      KAFKA_SSL_CA_FILE: ca,
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
    });
    expect(kafkaSecurity(config)).toEqual({
      ssl: { ca: ['CA CERTIFICATE'] },
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
  });

  it('builds mutual TLS towards Temporal from the CA, certificate and key files', () => {
    const config = loadConfig(TransportConfig, {
      ...base,
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CA_FILE: ca,
      TEMPORAL_TLS_CERT_FILE: cert,
      TEMPORAL_TLS_KEY_FILE: key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.bingtuan.internal',
    });
    const tls = temporalTls(config);
    expect(tls?.serverNameOverride).toBe('temporal.bingtuan.internal');
    expect(tls?.serverRootCACertificate?.toString()).toBe('CA CERTIFICATE');
    expect(tls?.clientCertPair?.crt.toString()).toBe('CLIENT CERTIFICATE');
    expect(tls?.clientCertPair?.key.toString()).toBe('CLIENT KEY');
  });

  it('uses the system CAs for Temporal when only TEMPORAL_TLS is set (a public certificate)', () => {
    expect(temporalTls(loadConfig(TransportConfig, { ...base, TEMPORAL_TLS: 'true' }))).toEqual({});
  });

  it('gives S3 an https agent that trusts S3_CA_FILE', () => {
    const agent = s3TransportAgent(loadConfig(TransportConfig, { ...base, S3_CA_FILE: ca }));
    expect(agent?.options.ca?.toString()).toBe('CA CERTIFICATE');
  });

  it.each([
    ['KAFKA_SSL', { KAFKA_SSL: 'yes' }, 'KAFKA_SSL must be true or false'],
    ['KAFKA_SSL_CA_FILE', { KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' }, 'must name a readable file'],
    ['KAFKA_SASL_MECHANISM', { KAFKA_SASL_MECHANISM: 'gssapi' }, 'must be one of plain'],
    ['KAFKA_SASL_USERNAME', { KAFKA_SASL_MECHANISM: 'plain' }, 'KAFKA_SASL_USERNAME is required'],
    ['S3_CA_FILE', { S3_CA_FILE: directory }, 'must name a readable file'],
    ['TEMPORAL_TLS', { TEMPORAL_TLS: '1' }, 'TEMPORAL_TLS must be true or false'],
    ['TEMPORAL_TLS_KEY_FILE', { TEMPORAL_TLS_CERT_FILE: cert }, 'TEMPORAL_TLS_KEY_FILE'],
    ['TEMPORAL_TLS_CERT_FILE', { TEMPORAL_TLS_KEY_FILE: key }, 'TEMPORAL_TLS_CERT_FILE'],
  ])('refuses a bad %s at start-up, naming it', (variable, env, message) => {
    const problem = problemWith({ ...base, ...env });
    expect(problem.variable).toBe(variable);
    expect(problem.problem).toContain(message);
  });
});
