import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { Agencies1764201000000 } from './agencies.migration';
import { AgencyJusticeBureau1765100000000 } from './agency-justice-bureau.migration';
import { AgencyEntity } from './agency.entity';

export const AGENCY_ENTITIES = [AgencyEntity];
export const AGENCY_MIGRATIONS = [Agencies1764201000000, AgencyJusticeBureau1765100000000];

@Module({ controllers: [AgenciesController], providers: [AgenciesService], exports: [AgenciesService] })
export class AgenciesModule {}
