import type { ReviewCatalogCriteria } from '@lep/contracts';

/**
 * The platform default catalogue's first version, seeded by the migration (frozen: later versions are published
 * by the platform admin through the API). Its amounts are the strict ends of the local ranges domain.md L3 cites,
 * and it lists every measure local catalogues call major, so an agency without a catalogue reviews more, never less.
 */
export const FIRST_PLATFORM_CATALOG: ReviewCatalogCriteria = {
  fineThresholds: [
    { partyType: 'natural-person', minimumYuan: 10_000 },
    { partyType: 'legal-person', minimumYuan: 50_000 },
    { partyType: 'other-organisation', minimumYuan: 50_000 },
  ],
  measures: [
    'licence-revocation',
    'licence-denial',
    'suspension-of-production',
    'closure',
    'major-coercive-measure',
    'outside-discretion-benchmark',
  ],
};

/** In force from before any case: every case, however old its filing date, is judged by some version. */
export const FIRST_PLATFORM_CATALOG_IN_FORCE_FROM = '2000-01-01T00:00:00.000Z';
