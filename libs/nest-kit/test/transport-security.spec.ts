import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { S3Peer, startS3, testPeers } from '@lep/testing';
import { DataSource } from 'typeorm';
import { createS3Client } from '../src';

/** A self-signed certificate for 127.0.0.1, as a private CA would issue for an internal MinIO. */
function privateCertificate(directory: string): { keyFile: string; certFile: string } {
  const keyFile = path.join(directory, 'store.key');
  const certFile = path.join(directory, 'store.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { keyFile, certFile };
}

describe('TLS towards S3 with a private CA (S3_CA_FILE)', () => {
  let directory: string;
  let store: S3Peer;
  let caFile: string;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'lep-tls-'));
    const { keyFile, certFile } = privateCertificate(directory);
    caFile = certFile;
    store = await startS3({ tls: { key: readFileSync(keyFile), cert: readFileSync(certFile) } });
  });

  afterAll(async () => {
    await store?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const clientFor = (file?: string) =>
    createS3Client({
      endpoint: store.endpoint,
      accessKey: store.connection.accessKey,
      secretKey: store.connection.secretKey,
      region: 'us-east-1',
      caFile: file,
    });

  it('talks to the store when its CA file is configured', async () => {
    expect(store.endpoint).toMatch(/^https:/);
    const client = clientFor(caFile);
    await client.makeBucket('tls-evidence');
    await client.putObject('tls-evidence', 'sha256/abc', Buffer.from('证据'));
    expect(await client.bucketExists('tls-evidence')).toBe(true);
  });

  it('refuses the store when the certificate is not trusted', async () => {
    await expect(clientFor(undefined).bucketExists('tls-evidence')).rejects.toThrow(/self[- ]signed/i);
  });

  it('refuses a CA file that signed another certificate', async () => {
    const other = privateCertificate(mkdtempSync(path.join(directory, 'other-')));
    await expect(clientFor(other.certFile).bucketExists('tls-evidence')).rejects.toThrow(
      /self[- ]signed|verify/i,
    );
  });
});

describe('TLS towards PostgreSQL through DATABASE_URL', () => {
  it('passes sslmode from the URL to the driver, as the services configure it', async () => {
    const plain = new DataSource({ type: 'postgres', url: testPeers().databaseServerUrl });
    await plain.initialize();
    const [{ ssl }] = await plain.query(`SHOW ssl`);
    await plain.destroy();

    const url = new URL(testPeers().databaseServerUrl);
    // no-verify: encryption demanded, certificate not checked (Debian's default cluster has a snakeoil one);
    // production sets verify-full with sslrootcert.
    url.searchParams.set('sslmode', 'no-verify');
    const secured = new DataSource({ type: 'postgres', url: url.toString() });
    if (ssl === 'on') {
      // A server with TLS (Debian's default cluster): the session is encrypted.
      await secured.initialize();
      const [{ encrypted }] = await secured.query(
        `SELECT ssl AS encrypted FROM pg_stat_ssl WHERE pid = pg_backend_pid()`,
      );
      await secured.destroy();
      expect(encrypted).toBe(true);
    } else {
      // The embedded server has no TLS: the driver must refuse it rather than fall back to plaintext.
      await expect(secured.initialize()).rejects.toThrow(/does not support SSL/);
    }
  });
});
