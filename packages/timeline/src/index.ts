export { SessionTimeline } from './timeline/session-timeline.js';
export type { SeekRequestDetail, TimelineRange, TimelineSpan } from './timeline/session-timeline.js';
import './timeline/session-timeline.define.js';
