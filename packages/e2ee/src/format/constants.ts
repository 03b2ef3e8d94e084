/** The format version this library writes and the only one it reads. */
export const FORMAT_VERSION = 1;
/** Passphrase headers with fewer PBKDF2 iterations are refused (downgrade protection). */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** Upper bound, so a hostile header cannot make a reader spin for minutes. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Recording ids are 1..512 UTF-8 bytes. */
export const MAX_RECORDING_ID_BYTES = 512;

export const HEADER_MAGIC = [0x53, 0x50, 0x45, 0x48] as const; // "SPEH"
export const SEGMENT_MAGIC = [0x53, 0x50, 0x45, 0x53] as const; // "SPES"

export const WRAPPING_PASSPHRASE = 1;
export const WRAPPING_RAW_KEY = 2;

export const SALT_BYTES = 16;
export const NONCE_PREFIX_BYTES = 4;
export const NONCE_BYTES = 12;
export const DATA_KEY_BYTES = 32;
export const TAG_BYTES = 16;
export const WRAPPED_KEY_BYTES = DATA_KEY_BYTES + TAG_BYTES;
/** Header bytes before the recording id. */
export const HEADER_FIXED_BYTES = 46;
/** Sealed-segment header bytes before the ciphertext. */
export const SEGMENT_HEADER_BYTES = 32;
