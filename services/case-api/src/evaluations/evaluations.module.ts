import { Module } from '@nestjs/common';
import { EvaluationDrawsService } from './evaluation-draws.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';

@Module({
  controllers: [EvaluationsController],
  providers: [EvaluationDrawsService, EvaluationsService],
})
export class EvaluationsModule {}
