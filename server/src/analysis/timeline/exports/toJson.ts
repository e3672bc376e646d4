// The timeline as JSON: the same TimelineEvent objects the editor gets, under a small versioned envelope.
import type { TimelineEvent } from '../../../protocol';

export interface TimelineJson {
  format: 'dateline-timeline';
  version: 1;
  articles: number;
  events: TimelineEvent[];
}

/** The JSON document of the timeline: field names are a contract (add, never rename or drop). */
export function toJson(events: TimelineEvent[], articles: number): TimelineJson {
  return { format: 'dateline-timeline', version: 1, articles, events };
}
