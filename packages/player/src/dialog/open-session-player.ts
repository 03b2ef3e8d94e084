import type { SessionDataSource, SessionRef } from '../data-source/types.js';
import { translator } from '../i18n/messages.js';
import type { SessionPlayer } from '../player/session-player.js';
import './session-player-dialog.define.js';

export interface OpenSessionPlayerOptions {
  dataSource: SessionDataSource;
  ref: SessionRef;
  /** Dialog title; defaults to the user id. */
  label?: string;
  locale?: string;
  /** Where the dialog element is attached; defaults to `document.body`. */
  container?: HTMLElement;
}

export interface SessionPlayerHandle {
  /** The player inside the dialog. */
  readonly player: SessionPlayer;
  close(): void;
  /** Settles once the dialog has closed and been removed. */
  readonly closed: Promise<void>;
}

/**
 * Opens `<session-player>` in a modal dialog: what a BI grid's "View record"
 * calls. Closing removes the dialog and stops playback.
 */
export async function openSessionPlayer(options: OpenSessionPlayerOptions): Promise<SessionPlayerHandle> {
  const dialog = document.createElement('session-player-dialog');
  const locale = options.locale ?? 'en';
  dialog.dataSource = options.dataSource;
  dialog.ref = options.ref;
  dialog.locale = locale;
  dialog.label = options.label ?? translator(locale).t('dialogLabel', { user: options.ref.userId });
  const closed = new Promise<void>((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        dialog.remove();
        resolve();
      },
      { once: true },
    );
  });
  (options.container ?? document.body).append(dialog);
  await dialog.show();
  return { player: dialog.player!, close: () => dialog.close(), closed };
}
