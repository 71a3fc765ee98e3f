import { Module } from '@nestjs/common';
import { CaseWorkflows } from '../workflows/case-workflows';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ controllers: [TasksController], providers: [TasksService, CaseWorkflows] })
export class TasksModule {}
