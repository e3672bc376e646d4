// The timeline core: events from articles' claims, and their exports. Pure: plain data in, plain data out.
export { addArticleEvents, buildTimeline, buildTimelineEvents, draftCopy, finishTimeline, finishTimelineSteps } from './buildTimeline';
export { inTimelineOrder, reorderedInSteps } from './draftOrder';
export type { DraftEvent, TimelineEvents } from './buildTimeline';
export type { TimelineArticle, TimelineConflict, TimelineOptions, ConflictLike } from './timelineInput';
export { toTimelineConflicts, toTimelineConflictsSteps } from './timelineInput';
export { eventTime, naturalInterval, precisionOf, intervalLabel, dayLabel } from './eventTime';
export { compareEvents, actionLabel } from './eventText';
export { exportTimeline, exportPieces, exportExtension, isTimelineFormat, TIMELINE_FORMATS } from './exports/exportTimeline';
export { arrayPieces } from './exports/textParts';
export { indexTimeline, indexTimelineSteps, timelineWindow, filteredEvents, briefOf, WINDOW_LIMIT } from './timelineWindow';
export type { TimelineIndex } from './timelineWindow';
export { compileFilter, passes, kindOf, NO_ACTOR, NO_PLACE } from './timelineFilter';
export type { ExportOptions } from './exports/exportTimeline';
export { toMarkdown } from './exports/toMarkdown';
export { toCsv, csvField, CSV_COLUMNS, ACLED_COLUMNS } from './exports/toCsv';
export { toTimelineJs } from './exports/toTimelineJs';
export { toGeoJson } from './exports/toGeoJson';
export { toJson } from './exports/toJson';
