import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** Serves the dashboard page; the data comes from the statistics and warnings routes. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
