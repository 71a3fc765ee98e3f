import { PreDisclosureEntity } from './pre-disclosure.entity';
import { PreDisclosure1764300100000 } from './pre-disclosure.migration';

export const PRE_DISCLOSURE_ENTITIES = [PreDisclosureEntity];
export const PRE_DISCLOSURE_MIGRATIONS = [PreDisclosure1764300100000];
