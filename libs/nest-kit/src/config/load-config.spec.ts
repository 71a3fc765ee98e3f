import { InvalidEnvironmentError, loadConfig } from './load-config';
import { parseTrustProxy } from '../http/trust-proxy';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka, WithS3, WithTemporal } from './service-env';

class FullConfig extends WithTemporal(WithS3(WithKafka(WithDatabase(ServiceEnv)))) {
  override PORT = 3000;
}

const valid = {
  DATABASE_URL: 'postgres://lep:secret@db:5432/lep_cases',
  KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
  S3_ENDPOINT: 'http://minio:9000',
  S3_ACCESS_KEY: 'access',
  S3_SECRET_KEY: 'secret',
  TEMPORAL_ADDRESS: 'temporal:7233',
  TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')},k2:${Buffer.alloc(32, 2).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEY_ID: 'k2',
};

function problemWith(env: NodeJS.ProcessEnv): InvalidEnvironmentError {
  try {
    loadConfig(FullConfig, env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error;
    throw error;
  }
  throw new Error('expected the environment to be refused');
}

describe('loadConfig', () => {
  it('types every variable and applies the defaults', () => {
    const config = loadConfig(FullConfig, valid);
    expect(config.PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.S3_BUCKET).toBe('lep-evidence');
    expect(config.LOG_LEVEL).toBe('log');
  });

  it('keeps only the variables the class declares: the rest of the environment is not carried along', () => {
    const config = loadConfig(FullConfig, {
      ...valid,
      PATH: '/usr/bin',
      AWS_SECRET_ACCESS_KEY: 'someone-elses-secret',
    }) as unknown as Record<string, unknown>;
    expect(config).not.toHaveProperty('PATH');
    expect(config).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
    expect(JSON.stringify(config)).not.toContain('someone-elses-secret');
    // Optional variables without a default are kept when set.
    expect(loadConfig(FullConfig, { ...valid, TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
  });

  it('lets the environment override defaults, including the port', () => {
    const config = loadConfig(FullConfig, { ...valid, PORT: '8080', TEMPORAL_NAMESPACE: 'lep-prod' });
    expect(config.PORT).toBe(8080);
    expect(config.TEMPORAL_NAMESPACE).toBe('lep-prod');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/lep' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db:5432' }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: undefined }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'kafka' }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: ' , ' }],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'minio:9000' }],
    ['S3_ACCESS_KEY', { S3_ACCESS_KEY: undefined }],
    ['S3_BUCKET', { S3_BUCKET: 'Bad_Bucket' }],
    ['TEMPORAL_ADDRESS', { TEMPORAL_ADDRESS: 'temporal' }],
    ['TEMPORAL_PAYLOAD_KEYS', { TEMPORAL_PAYLOAD_KEYS: undefined }],
    ['TEMPORAL_PAYLOAD_KEYS', { TEMPORAL_PAYLOAD_KEYS: `k2:${Buffer.alloc(16).toString('base64')}` }],
    ['TEMPORAL_PAYLOAD_KEYS', { TEMPORAL_PAYLOAD_KEYS: 'k2' }],
    ['TEMPORAL_PAYLOAD_KEY_ID', { TEMPORAL_PAYLOAD_KEY_ID: undefined }],
    ['TEMPORAL_PAYLOAD_KEY_ID', { TEMPORAL_PAYLOAD_KEY_ID: 'k3' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'chatty' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'true' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'proxy.internal' }],
    ['TRUST_PROXY', { TRUST_PROXY: '11' }],
  ])('refuses a bad %s and names it in one line', (variable, override) => {
    const error = problemWith({ ...valid, ...override });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).not.toContain('\n');
  });

  it('says what is wrong with the payload keys without repeating them', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    const error = problemWith({ ...valid, TEMPORAL_PAYLOAD_KEYS: `k2:${short}` });
    expect(error.message).toBe(
      'invalid environment: TEMPORAL_PAYLOAD_KEYS key "k2" must be 32 bytes in standard base64 (openssl rand -base64 32)',
    );
    expect(problemWith({ ...valid, TEMPORAL_PAYLOAD_KEY_ID: 'k3' }).message).toBe(
      'invalid environment: TEMPORAL_PAYLOAD_KEY_ID names key "k3", which TEMPORAL_PAYLOAD_KEYS does not list',
    );
  });

  it('says why TRUST_PROXY=true is refused and which entries of a list are wrong', () => {
    expect(problemWith({ ...valid, TRUST_PROXY: 'true' }).message).toMatch(/forge its address/);
    expect(problemWith({ ...valid, TRUST_PROXY: '10.0.0.0/8, gateway' }).message).toMatch(/not "gateway"/);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.10, fd00::/8, loopback', ['10.0.0.0/8', '192.168.1.10', 'fd00::/8', 'loopback']],
  ])('reads TRUST_PROXY=%s as %j', (text, expected) => {
    const config = loadConfig(FullConfig, { ...valid, ...(text === undefined ? {} : { TRUST_PROXY: text }) });
    expect(parseTrustProxy(config.TRUST_PROXY)).toEqual(expected);
  });

  it('treats an empty variable as missing', () => {
    expect(problemWith({ ...valid, DATABASE_URL: '' }).variable).toBe('DATABASE_URL');
  });
});

describe('WithAuth', () => {
  class ApiConfig extends WithAuth(ServiceEnv) {
    override PORT = 3000;
  }

  it('accepts a development secret of at least 32 characters', () => {
    const config = loadConfig(ApiConfig, { AUTH_JWT_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({ AUTH_ISSUER: 'lep', AUTH_AUDIENCE: 'lep-api' });
  });

  it('accepts a JWKS URL instead', () => {
    expect(
      loadConfig(ApiConfig, { AUTH_JWKS_URL: 'https://sso.example.gov.cn/jwks' }).AUTH_JWKS_URL,
    ).toBeDefined();
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig(ApiConfig, { AUTH_JWT_SECRET: 'short' })).toThrow('AUTH_JWT_SECRET');
  });

  it('accepts claim paths and a role map of an identity provider', () => {
    const config = loadConfig(ApiConfig, {
      AUTH_JWKS_URL: 'https://sso.example.gov.cn/realms/xjbt/protocol/openid-connect/certs',
      AUTH_AGENCY_CLAIM: 'lep_agency',
      AUTH_ROLES_CLAIM: 'resource_access.lep-api.roles',
      AUTH_ROLE_MAP: 'lep_handler=handler, lep_reviewer=legal-reviewer',
    });
    expect(config).toMatchObject({ AUTH_ROLES_CLAIM: 'resource_access.lep-api.roles' });
  });

  it.each([
    ['AUTH_ROLES_CLAIM', { AUTH_ROLES_CLAIM: 'realm_access..roles' }],
    ['AUTH_AGENCY_CLAIM', { AUTH_AGENCY_CLAIM: 'lep agency' }],
    ['AUTH_ROLE_MAP', { AUTH_ROLE_MAP: 'lep_handler' }],
    ['AUTH_ROLE_MAP', { AUTH_ROLE_MAP: 'a=handler,,b=leader' }],
  ])('refuses a malformed %s', (variable, override) => {
    const error = (() => {
      try {
        loadConfig(ApiConfig, { AUTH_JWT_SECRET: 'x'.repeat(32), ...override });
      } catch (caught) {
        return caught as InvalidEnvironmentError;
      }
      throw new Error('expected the environment to be refused');
    })();
    expect(error.variable).toBe(variable);
  });

  it('refuses a configuration with neither', () => {
    expect(() => loadConfig(ApiConfig, {})).toThrow(/AUTH_JWT_SECRET|AUTH_JWKS_URL/);
  });
});
