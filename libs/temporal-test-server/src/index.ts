export { TemporalTestServer, type TemporalTestServerOptions } from './temporal-test-server';
