import './player/session-player.define.js';

export type * from './data-source/types.js';
export { PlayerError, type PlayerErrorCode } from './data-source/errors.js';
export { RestDataSource, type RestDataSourceOptions } from './data-source/rest-data-source.js';
export { MemoryDataSource, type MemorySegment, type MemoryStream } from './data-source/memory-data-source.js';
export { SessionPlayer } from './player/session-player.js';
export { SessionClock } from './player/session-clock.js';
export { SessionTransportBar } from './player/transport-bar.js';
export { SessionPlayerDialog } from './dialog/session-player-dialog.js';
export { openSessionPlayer, type OpenSessionPlayerOptions, type SessionPlayerHandle } from './dialog/open-session-player.js';
export { PlaybackController } from './controllers/playback-controller.js';
export { playbackContext, type PlaybackState, type PlayerNotice, PLAYBACK_RATES } from './state/playback-state.js';
export { MediaTimeline, parseMediaPlaylist, type TimelineSegment } from './time/media-timeline.js';
export * from './time/coverage.js';
export { dayRange, formatDate, formatTime, parseTypedDate, parseTypedTime } from './time/wall-clock.js';
export { translator, supportedLocales } from './i18n/messages.js';
export * from './tags/index.js';
