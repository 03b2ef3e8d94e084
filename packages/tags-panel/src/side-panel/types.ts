import type { Instant, PanelEventKind, PanelKeystroke, PanelSeverity } from '../types.js';

/** The side panel's tabs: one per event kind, plus the tags. */
export type PanelTab = PanelEventKind | 'tag';

/** What narrows a list besides the search text. */
export interface EventFilters {
  /** Only these kinds (all when absent). */
  kinds?: readonly PanelEventKind[];
  /** Notifications of these severities only; other kinds pass (all when absent). */
  severities?: ReadonlySet<PanelSeverity> | null;
  /** Only events of this application (all when null or ''). */
  app?: string | null;
}

/** Consecutive keystrokes typed into one window, shown as one row. */
export interface KeystrokeRun {
  /** The first event's id. */
  id: string;
  /** When the first key of the run was typed. */
  at: Instant;
  /** When the last key of the run was typed. */
  end: Instant;
  app: string;
  window: string;
  events: PanelKeystroke[];
}

/** A page that could not be loaded: `message` is for people, `cause` is what was thrown. */
export interface PanelLoadError {
  code: 'load-failed' | 'search-failed';
  message: string;
  cause: unknown;
}
