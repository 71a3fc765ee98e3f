import { Module } from '@nestjs/common';
import { MayEnforceService } from './may-enforce.service';
import { PersonnelController } from './personnel.controller';
import { PersonnelEntity } from './personnel.entity';
import { Personnel1764202000000 } from './personnel.migration';
import { PersonnelStanding1765400000000 } from './personnel-standing.migration';
import { PersonnelService } from './personnel.service';
import { PersonnelStatusChangeEntity } from './personnel-status-change.entity';

export const PERSONNEL_ENTITIES = [PersonnelEntity, PersonnelStatusChangeEntity];
export const PERSONNEL_MIGRATIONS = [Personnel1764202000000, PersonnelStanding1765400000000];

@Module({ controllers: [PersonnelController], providers: [PersonnelService, MayEnforceService] })
export class PersonnelModule {}
