/** Helpers shared by this package's tests (browser and Node); not part of the build. */
import { E2eeError, type E2eeErrorCode, type SegmentFault } from './index.js';

/** Awaits `promise` and returns the E2eeError it rejected with; throws if it resolved or rejected otherwise. */
export async function rejection(promise: Promise<unknown>, code: E2eeErrorCode, reason?: SegmentFault): Promise<E2eeError> {
  let outcome: unknown;
  try {
    await promise;
  } catch (e) {
    outcome = e;
  }
  if (!(outcome instanceof E2eeError)) throw new Error(`expected E2eeError ${code}${reason ? `/${reason}` : ''}, got ${outcome === undefined ? 'success' : String(outcome)}`);
  if (outcome.code !== code || outcome.reason !== reason) {
    throw new Error(`expected ${code}${reason ? `/${reason}` : ''}, got ${outcome.code}/${outcome.reason ?? '-'}: ${outcome.message}`);
  }
  return outcome;
}

/** Same as `rejection`, for synchronous throws. */
export function thrown(fn: () => unknown, code: E2eeErrorCode, reason?: SegmentFault): E2eeError {
  let outcome: unknown;
  try {
    fn();
  } catch (e) {
    outcome = e;
  }
  if (!(outcome instanceof E2eeError) || outcome.code !== code || outcome.reason !== reason) {
    throw new Error(`expected E2eeError ${code}${reason ? `/${reason}` : ''}, got ${outcome === undefined ? 'no error' : String(outcome)}`);
  }
  return outcome;
}

/** A 32-byte host key that is the same in every run (tests only). */
export function testHostKey(seed: number): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 255);
}

/** Deterministic filler bytes that look like nothing in particular. */
export function testBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = Math.imul(seed, 2654435761) >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
