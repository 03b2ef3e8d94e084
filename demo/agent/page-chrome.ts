import type { ControlState } from '../../packages/player/src/live/live-protocol.js';
import type { ConnectionStatus } from './relay-connection.js';
import { TEXT } from './strings.js';

/** The HTML around the desktop: heading, status line, control state and the notice banner. */
export class PageChrome {
  constructor(
    private readonly els: {
      heading: HTMLElement;
      status: HTMLElement;
      encoder: HTMLElement;
      control: HTMLElement;
      banner: HTMLElement;
      bannerText: HTMLElement;
      stage: HTMLElement;
    },
  ) {}

  setIdentity(userId: string, computerId: string): void {
    const title = TEXT.pageTitle(userId, computerId);
    this.els.heading.textContent = title;
    document.title = title;
  }

  setConnection(status: ConnectionStatus, viewers: number): void {
    const text =
      status === 'open' ? TEXT.statusStreaming(viewers) : status === 'connecting' ? TEXT.statusConnecting : TEXT.statusReconnecting;
    setText(this.els.status, text);
    this.els.status.dataset.status = status;
  }

  setEncoder(codec: string | null, error: string | null): void {
    setText(this.els.encoder, error ? `${TEXT.statusEncoder(null)} (${error})` : TEXT.statusEncoder(codec));
  }

  setControl(control: ControlState, frozen: boolean, notice: string | null): void {
    setText(this.els.control, TEXT.controlLabel[control] + (frozen ? ` · ${TEXT.noticeFrozen}` : ''));
    this.els.banner.hidden = notice === null;
    if (notice !== null) setText(this.els.bannerText, notice);
    this.els.stage.classList.toggle('frozen', frozen);
  }
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
