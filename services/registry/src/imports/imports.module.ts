import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [AgenciesModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
