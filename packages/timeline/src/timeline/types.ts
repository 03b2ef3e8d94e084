/** Epoch milliseconds, UTC. */
export type Instant = number;

/** Half-open wall-clock interval `[start, end)`. */
export interface TimelineRange {
  start: Instant;
  end: Instant;
}

/** A recorded span; everything between spans is missing. */
export type TimelineSpan = TimelineRange;

export type MarkerSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * Something that happened at an instant: a notification, a tag, or any kind
 * the host adds. Colour comes from `color`, else the severity (notifications),
 * else the kind's theme colour.
 */
export interface TimelineMarker {
  id: string;
  at: Instant;
  /** `notification`, `tag`, or a host-defined kind. */
  kind: string;
  title: string;
  severity?: MarkerSeverity;
  /** Any CSS colour; overrides the theme's colour for this marker. */
  color?: string;
}

/** Activity per bucket over `[start, end)`, buckets of equal length. */
export interface TimelineDensity {
  start: Instant;
  end: Instant;
  values: number[];
}

/**
 * A frame to show under the pointer while hovering. The image stays owned by
 * whoever made it: the timeline draws it and never closes it.
 */
export interface TimelinePreview {
  /** The instant the image shows (a keyframe at or before the hovered instant). */
  at: Instant;
  image: CanvasImageSource;
  width: number;
  height: number;
}

/**
 * Gives the preview for a hovered instant. The timeline aborts `signal` when
 * the pointer moves on; resolve `null` when there is nothing to show.
 */
export type PreviewProvider = (at: Instant, signal: AbortSignal) => Promise<TimelinePreview | null>;

/** Detail of `seek-request`: the instant asked for and whether the drag ended. */
export interface SeekRequestDetail {
  at: Instant;
  /** False while the playhead is being dragged (throttled previews). */
  final: boolean;
}

/** Detail of `view-change`: the visible window and what moved it. */
export interface ViewChangeDetail extends TimelineRange {
  reason: 'zoom' | 'pan' | 'button' | 'follow' | 'resize';
}

/** Detail of `marker-select`. */
export interface MarkerSelectDetail {
  marker: TimelineMarker;
}
