import { peersGlobalSetup } from '@lep/testing';

// PostgreSQL for the audit log; every other auth test runs without peers.
export default peersGlobalSetup({ postgres: true });
