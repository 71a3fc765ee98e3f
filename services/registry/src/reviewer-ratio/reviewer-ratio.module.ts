import { Module } from '@nestjs/common';
import { ReviewerRatioController } from './reviewer-ratio.controller';

@Module({ controllers: [ReviewerRatioController] })
export class ReviewerRatioModule {}
