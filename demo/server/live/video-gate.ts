import { VIDEO_CHUNK_FRAME } from '../../../packages/player/src/live/live-protocol.js';

/** A binary frame that is a video chunk with the key-frame flag (byte 1, bit 0). */
export const isKeyFrame = (frame: Uint8Array): boolean =>
  frame.byteLength >= 2 && frame[0] === VIDEO_CHUNK_FRAME && (frame[1]! & 1) === 1;

export interface GateDecision {
  send: boolean;
  /** Ask the agent for a key frame: this viewer waits for one and has not asked yet. */
  requestKey: boolean;
}

const SEND: GateDecision = { send: true, requestKey: false };
const DROP: GateDecision = { send: false, requestKey: false };
const DROP_AND_ASK: GateDecision = { send: false, requestKey: true };

/**
 * Which video frames one viewer gets. A viewer starts waiting for a key frame
 * (frames before it cannot be decoded). When its socket has more than
 * `maxBufferedBytes` queued, frames are dropped rather than buffered without
 * bound, and it waits for a key frame again; once its queue has drained it
 * asks the agent for one instead of waiting for the next periodic key frame.
 */
export class VideoGate {
  private waiting = true;
  private keyRequested = true;

  constructor(private readonly maxBufferedBytes: number) {}

  /** A new video source (an agent connected): wait for its first frame, a key frame. */
  restart(): void {
    this.waiting = true;
    this.keyRequested = true;
  }

  admit(frame: Uint8Array, bufferedAmount: number): GateDecision {
    if (bufferedAmount > this.maxBufferedBytes) {
      if (!this.waiting) {
        this.waiting = true;
        this.keyRequested = false;
      }
      return DROP;
    }
    if (!this.waiting) return SEND;
    if (isKeyFrame(frame)) {
      this.waiting = false;
      return SEND;
    }
    if (this.keyRequested) return DROP;
    this.keyRequested = true;
    return DROP_AND_ASK;
  }
}
