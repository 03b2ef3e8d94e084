import { encodeVideoChunk, type AgentMessage, type VideoChunkFrame } from '../../packages/player/src/live/live-protocol.js';
import { ConsentDialog } from './consent-dialog.js';
import { ControlSession, type ConsentChoice } from './control-session.js';
import { Desktop } from './desktop.js';
import { DesktopRenderer, type Overlay } from './desktop-renderer.js';
import { startFrameTicker } from './frame-ticker.js';
import { attachLocalInput } from './local-input.js';
import type { PageChrome } from './page-chrome.js';
import { RelayConnection } from './relay-connection.js';
import { checkIncoming, parseIncoming, type IncomingMessage } from './relay-messages.js';
import { applyRemoteInput } from './remote-input.js';
import { FRAME_RATE, StreamEncoder, type StreamConfig } from './stream-encoder.js';
import type { LiveSealer } from './live-sealer.js';

/** Above this many bytes queued in the socket, frames are skipped rather than encoded. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;
/** …until the queue is back under this; the next frame is then a key frame. */
const DRAINED_BYTES = 512 * 1024;

export interface AgentParts {
  canvas: HTMLCanvasElement;
  chrome: PageChrome;
  dialog: HTMLDialogElement;
  countdown: HTMLElement;
  relayUrl: string;
  /** Point viewers at this live HLS playlist instead of streaming chunks. */
  hlsPlaylist: string | null;
}

/**
 * The simulated monitored computer: draws the desktop 30 times a second,
 * encodes every frame, streams the chunks to the relay, and applies what
 * viewers send (consent, remote input, freeze, Ctrl+Alt+Del).
 */
export class Agent {
  readonly desktop = new Desktop();
  readonly control = new ControlSession(() => this.controlChanged());
  readonly encoder: StreamEncoder;
  readonly relay: RelayConnection;
  viewers = 0;
  chunksSent = 0;
  lastRemoteKey: string | undefined;
  lastRemoteKeyAt: number | undefined;
  private readonly renderer: DesktopRenderer;
  private readonly consent: ConsentDialog;
  private readonly canvas: HTMLCanvasElement;
  private readonly chrome: PageChrome;
  /** After (re)connecting, chunks wait for a key frame: a viewer cannot start on a delta. */
  private waitForKey = true;
  private congested = false;
  private lastTick = 0;

  readonly #hlsPlaylist: string | null;
  /** Set for an end-to-end encrypted stream: every chunk leaves sealed. */
  sealer: LiveSealer | null = null;

  constructor(parts: AgentParts) {
    this.#hlsPlaylist = parts.hlsPlaylist;
    this.canvas = parts.canvas;
    this.chrome = parts.chrome;
    const ctx = parts.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('no 2D canvas context');
    this.renderer = new DesktopRenderer(ctx);
    this.consent = new ConsentDialog(parts.dialog, parts.countdown, (choice) => this.answerConsent(choice));
    this.encoder = new StreamEncoder(
      (chunk) => this.sendChunk(chunk),
      (config) => this.sendConfig(config),
    );
    this.relay = new RelayConnection(parts.relayUrl, {
      open: () => this.connected(),
      close: () => this.disconnected(),
      text: (text) => {
        const m = parseIncoming(text);
        if (m) this.apply(m);
      },
      status: () => this.renderConnection(),
    });
    attachLocalInput(parts.canvas, this.desktop, () => this.control.frozen);
  }

  start(): void {
    this.controlChanged();
    this.renderConnection();
    this.tick();
    startFrameTicker(FRAME_RATE, () => this.tick());
    void this.encoder.start().then(() => this.chrome.setEncoder(this.encoder.config?.codec ?? null, this.encoder.error));
    this.relay.start();
  }

  /** The user's answer to the consent prompt (the dialog's buttons, or tests). */
  answerConsent(choice: ConsentChoice): boolean {
    return this.control.answer(choice);
  }

  /** A message as if the relay had sent it (tests); malformed ones are ignored. */
  receive(message: unknown): void {
    const m = checkIncoming(message);
    if (m) this.apply(m);
  }

  /** Applies a message from the relay, in arrival order. */
  private apply(m: IncomingMessage): void {
    switch (m.t) {
      case 'settings':
        this.control.applySettings(m.controlMessage, m.consentTimeoutMs);
        break;
      case 'viewers':
        this.viewersChanged(m.count);
        break;
      case 'keyframe':
        this.encoder.requestKeyFrame();
        break;
      case 'control':
        if (m.action === 'request') this.control.request();
        else this.control.release();
        break;
      case 'pointer':
      case 'key':
        if (this.control.control === 'full') {
          const key = applyRemoteInput(this.desktop, m);
          if (key !== undefined) {
            this.lastRemoteKey = key;
            this.lastRemoteKeyAt = Date.now();
          }
        }
        break;
      case 'freeze':
        this.control.setFrozen(m.on);
        break;
      case 'ctrl-alt-del':
        this.desktop.showTaskManager();
        break;
    }
  }

  private tick(): void {
    const now = performance.now();
    // Ticks that queued up behind a busy main thread collapse into one frame.
    if (now - this.lastTick < 1000 / FRAME_RATE / 2) return;
    this.lastTick = now;
    const wallNow = Date.now();
    this.renderer.draw(this.desktop, this.overlay(), wallNow, now);
    if (this.relay.open) {
      const buffered = this.relay.bufferedAmount;
      if (this.congested) {
        if (buffered > DRAINED_BYTES) return;
        this.congested = false;
        this.encoder.requestKeyFrame();
      } else if (buffered > MAX_BUFFERED_BYTES) {
        this.congested = true;
        return;
      }
    }
    this.encoder.encode(this.canvas, wallNow);
  }

  private overlay(): Overlay {
    const c = this.control;
    return {
      control: c.control,
      frozen: c.frozen,
      consentDeadline: c.consentDeadline,
      notice: c.noticeShown ? c.controlMessage : null,
    };
  }

  private sendChunk(chunk: VideoChunkFrame): void {
    if (!this.relay.open || this.#hlsPlaylist) return;
    if (this.waitForKey) {
      if (!chunk.key) return;
      this.waitForKey = false;
    }
    if (this.sealer) {
      void this.sealer.seal(chunk).then((sealed) => this.relay.open && this.relay.send(encodeVideoChunk(sealed)) && this.chunksSent++);
      return;
    }
    if (this.relay.send(encodeVideoChunk(chunk))) this.chunksSent++;
  }

  private sendConfig(config: StreamConfig): void {
    if (!this.#hlsPlaylist) this.send({ t: 'config', ...config });
    this.chrome.setEncoder(config.codec, null);
  }

  private send(m: AgentMessage): void {
    this.relay.send(JSON.stringify(m));
  }

  private connected(): void {
    this.waitForKey = true;
    this.congested = false;
    const config = this.encoder.config;
    if (this.#hlsPlaylist) this.send({ t: 'hls', url: this.#hlsPlaylist });
    else if (config) this.send({ t: 'config', ...config });
    this.send({ t: 'state', control: this.control.control, frozen: this.control.frozen });
    this.encoder.requestKeyFrame();
    this.renderConnection();
  }

  private disconnected(): void {
    this.viewers = 0;
    this.waitForKey = true;
    this.renderConnection();
  }

  private viewersChanged(count: number): void {
    const before = this.viewers;
    this.viewers = count;
    // Someone new: give them a key frame to start on without waiting for the next one.
    if (count > before) this.encoder.requestKeyFrame();
    // Nobody watching any more: nobody controls the desktop or keeps it frozen.
    if (count === 0 && before > 0) {
      if (this.control.control !== 'none') this.control.release();
      if (this.control.frozen) this.control.setFrozen(false);
    }
    this.renderConnection();
  }

  private controlChanged(): void {
    const c = this.control;
    this.send({ t: 'state', control: c.control, frozen: c.frozen });
    this.chrome.setControl(c.control, c.frozen, c.noticeShown ? c.controlMessage : null);
    if (c.consentDeadline !== null) this.consent.show(c.consentDeadline);
    else this.consent.hide();
  }

  private renderConnection(): void {
    this.chrome.setConnection(this.relay.status, this.viewers);
  }
}
