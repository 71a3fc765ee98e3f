import { Module } from '@nestjs/common';
import { PlatformCatalogController } from './platform-catalog.controller';
import { PlatformCatalog1765500000000 } from './platform-catalog.migration';
import { PlatformCatalogService } from './platform-catalog.service';
import { PlatformCatalogVersionEntity } from './platform-catalog-version.entity';

export const PLATFORM_CATALOG_ENTITIES = [PlatformCatalogVersionEntity];
export const PLATFORM_CATALOG_MIGRATIONS = [PlatformCatalog1765500000000];

@Module({ controllers: [PlatformCatalogController], providers: [PlatformCatalogService] })
export class PlatformCatalogModule {}
