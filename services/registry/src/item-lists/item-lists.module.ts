import { Module } from '@nestjs/common';
import { ItemListReviewService } from './item-list-review.service';
import { ItemListSubmissionEntity } from './item-list-submission.entity';
import { ItemListSubmissions1765300100000 } from './item-list-submissions.migration';
import { ItemListVersionEntity } from './item-list-version.entity';
import { ItemListsController } from './item-lists.controller';
import { ItemLists1764203000000 } from './item-lists.migration';
import { ItemListsService } from './item-lists.service';

export const ITEM_LIST_ENTITIES = [ItemListVersionEntity, ItemListSubmissionEntity];
export const ITEM_LIST_MIGRATIONS = [ItemLists1764203000000, ItemListSubmissions1765300100000];

@Module({ controllers: [ItemListsController], providers: [ItemListsService, ItemListReviewService] })
export class ItemListsModule {}
