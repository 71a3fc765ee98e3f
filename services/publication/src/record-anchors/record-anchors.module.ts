import { RecordAnchorDayEntity } from './record-anchor-day.entity';
import { RecordAnchorDays1765700100000 } from './record-anchors.migration';

export const RECORD_ANCHOR_ENTITIES = [RecordAnchorDayEntity];
export const RECORD_ANCHOR_MIGRATIONS = [RecordAnchorDays1765700100000];
