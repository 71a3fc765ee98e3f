import { peersGlobalSetup } from '@lep/testing';

// Temporal is started per test file (support/publication-app.ts): each file sets its own virtual clock.
export default peersGlobalSetup({ postgres: true, kafka: true });
