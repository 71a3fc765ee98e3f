import { Module } from '@nestjs/common';
import { ItemListVersionEntity } from './item-list-version.entity';
import { ItemListsController } from './item-lists.controller';
import { ItemLists1764203000000 } from './item-lists.migration';
import { ItemListsService } from './item-lists.service';

export const ITEM_LIST_ENTITIES = [ItemListVersionEntity];
export const ITEM_LIST_MIGRATIONS = [ItemLists1764203000000];

@Module({ controllers: [ItemListsController], providers: [ItemListsService] })
export class ItemListsModule {}
