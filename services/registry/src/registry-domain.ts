import { API_KEY_ENTITIES, API_KEY_MIGRATIONS, ApiKeysModule } from './api-keys/api-keys.module';
import { AccessModule } from './access/access.module';
import { CALENDAR_ENTITIES, CALENDAR_MIGRATIONS, CalendarModule } from './calendar/calendar.module';
import { AGENCY_ENTITIES, AGENCY_MIGRATIONS, AgenciesModule } from './agencies/agencies.module';
import {
  INSPECTION_ENTITIES,
  INSPECTION_MIGRATIONS,
  InspectionsModule,
} from './inspections/inspections.module';
import { FilingModule } from './filing/filing.module';
import { ImportsModule } from './imports/imports.module';
import { ITEM_LIST_ENTITIES, ITEM_LIST_MIGRATIONS, ItemListsModule } from './item-lists/item-lists.module';
import {
  PLATFORM_CATALOG_ENTITIES,
  PLATFORM_CATALOG_MIGRATIONS,
  PlatformCatalogModule,
} from './platform-catalog/platform-catalog.module';
import { PERSONNEL_ENTITIES, PERSONNEL_MIGRATIONS, PersonnelModule } from './personnel/personnel.module';
import { ReviewerRatioModule } from './reviewer-ratio/reviewer-ratio.module';

/** The registry's bounded contexts, each a module with its own tables. */
export const REGISTRY_MODULES = [
  AccessModule,
  AgenciesModule,
  PersonnelModule,
  ReviewerRatioModule,
  ItemListsModule,
  FilingModule,
  PlatformCatalogModule,
  ApiKeysModule,
  InspectionsModule,
  ImportsModule,
  CalendarModule,
];
export const REGISTRY_ENTITIES = [
  ...AGENCY_ENTITIES,
  ...PERSONNEL_ENTITIES,
  ...ITEM_LIST_ENTITIES,
  ...PLATFORM_CATALOG_ENTITIES,
  ...API_KEY_ENTITIES,
  ...INSPECTION_ENTITIES,
  ...CALENDAR_ENTITIES,
];
export const REGISTRY_MIGRATIONS = [
  ...AGENCY_MIGRATIONS,
  ...PERSONNEL_MIGRATIONS,
  ...ITEM_LIST_MIGRATIONS,
  ...API_KEY_MIGRATIONS,
  ...INSPECTION_MIGRATIONS,
  ...CALENDAR_MIGRATIONS,
  ...PLATFORM_CATALOG_MIGRATIONS,
];
