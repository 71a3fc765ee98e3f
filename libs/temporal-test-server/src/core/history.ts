import { ts } from './proto';

/** Append-only event history with id assignment. */
export class History {
  readonly events: any[] = [];
  constructor(private readonly now: () => number) {}
  add(type: string, attrsKey: string, attrs: any): any {
    const ev = { eventId: String(this.events.length + 1), eventTime: ts(this.now()), eventType: `EVENT_TYPE_${type}`, [attrsKey]: attrs };
    this.events.push(ev);
    return ev;
  }
  get lastId(): number { return this.events.length; }
}

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
/** add('ActivityTaskCompleted', {...}) → eventType ACTIVITY_TASK_COMPLETED, activityTaskCompletedEventAttributes. */
export function addEvent(h: History, name: string, attrs: any): number {
  h.add(snake(name), name[0].toLowerCase() + name.slice(1) + 'EventAttributes', attrs);
  return h.lastId;
}
