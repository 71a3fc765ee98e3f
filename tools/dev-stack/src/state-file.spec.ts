import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DevStackState } from '@lep/contracts';
import { removeStateFile, stateFilePath, writeStateFile } from './state-file';

describe('the dev stack state file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const state: DevStackState = {
    pid: process.pid,
    startedAt: '2026-12-04T10:00:00.000Z',
    services: {
      'case-api': 'http://127.0.0.1:3000',
      registry: 'http://127.0.0.1:3001',
      evidence: 'http://127.0.0.1:3002',
      publication: 'http://127.0.0.1:3003',
      statistics: 'http://127.0.0.1:3004',
      worker: 'http://127.0.0.1:3005',
      documents: 'http://127.0.0.1:3006',
    },
    temporalAddress: '127.0.0.1:7233',
    kafkaBrokers: ['127.0.0.1:9092'],
    databases: { 'case-api': 'postgres://postgres:postgres@127.0.0.1:5432/lep_cases' },
    auth: { jwtSecret: 'a-secret-of-this-run-only-0123456789', issuer: 'lep', audience: 'lep-api' },
  };

  it('lives in ~/.lep/dev-stack.json unless LEP_DEV_STACK_FILE names another file', () => {
    expect(stateFilePath({})).toBe(path.join(os.homedir(), '.lep', 'dev-stack.json'));
    expect(stateFilePath({ LEP_DEV_STACK_FILE: '/tmp/x.json' })).toBe('/tmp/x.json');
  });

  it('is written for its owner alone, in a folder that is too, and removed when the stack stops', () => {
    const file = path.join(dir, 'nested', 'dev-stack.json');
    writeStateFile(state, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    removeStateFile(file);
    expect(existsSync(file)).toBe(false);
    removeStateFile(file);
  });
});
