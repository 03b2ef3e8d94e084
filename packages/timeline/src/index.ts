export { SessionTimeline } from './timeline/session-timeline.js';
export type {
  Instant,
  MarkerSelectDetail,
  MarkerSeverity,
  PreviewProvider,
  SeekRequestDetail,
  TimelineDensity,
  TimelineMarker,
  TimelinePreview,
  TimelineRange,
  TimelineSpan,
  ViewChangeDetail,
} from './timeline/types.js';
export { MAX_VIEW_MS, MIN_VIEW_MS } from './timeline/view-window.js';
import './timeline/session-timeline.define.js';
