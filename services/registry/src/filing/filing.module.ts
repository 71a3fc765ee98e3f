import { Module } from '@nestjs/common';
import { FilingFactsController } from './filing-facts.controller';
import { FilingFactsService } from './filing-facts.service';

/** What filing a case reads from the registry; reads the tables of agencies, personnel and item lists, owns none. */
@Module({ controllers: [FilingFactsController], providers: [FilingFactsService] })
export class FilingModule {}
