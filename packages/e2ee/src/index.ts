export { DEFAULT_PBKDF2_ITERATIONS, FORMAT_VERSION, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS } from './format/constants.js';
export { E2eeError, type E2eeErrorCode, type E2eeErrorOptions, type SegmentFault } from './errors.js';
export type { PlainSegment, SealedSegment, SegmentKind, SegmentRef } from './format/segment-ref.js';
export { headerToBase64, parseHeader, type KeyWrapping, type RecordingHeader } from './format/header.js';
export { readSegmentHeader, type SealedSegmentHeader } from './format/segment.js';
export type { Secret } from './secret.js';
export { decryptSegment, lock, unlock, type RecordingKey } from './recording.js';
export {
  createRecording,
  encryptRecording,
  resumeRecording,
  sealSegment,
  type CreateRecordingOptions,
  type EncryptRecordingOptions,
  type SealingKey,
} from './sealing.js';
export { sealedPlaylist, type SealedPlaylistEntry, type SealedPlaylistInput } from './playlist/sealed-playlist.js';
export { findMissingSegments, parseSealedPlaylist } from './playlist/sealed-playlist-reader.js';
export { PlaylistSyntaxError } from './playlist/media-playlist.js';
export { minimumDelayAfterFailures } from './unlock-delay.js';
export { fromBase64, fromHex, toBase64, toHex } from './format/bytes.js';
export * from './decrypt-overlay/index.js';
