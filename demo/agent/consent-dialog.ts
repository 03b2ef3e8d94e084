import type { ConsentChoice } from './control-session.js';
import { TEXT } from './strings.js';

/**
 * The consent prompt over the desktop: a real `<dialog>` on the page (the
 * markup is in index.html) with Allow full control / View only / Decline and a
 * countdown to the request's deadline.
 */
export class ConsentDialog {
  private countdownTimer: ReturnType<typeof setInterval> | undefined;
  private deadline = 0;
  /** What had focus before the prompt took it, to give it back. */
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly countdown: HTMLElement,
    onAnswer: (choice: ConsentChoice) => void,
  ) {
    dialog.addEventListener('click', (e) => {
      const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-choice]');
      const choice = button?.dataset.choice;
      if (choice === 'full' || choice === 'view-only' || choice === 'decline') onAnswer(choice);
    });
    // Escape must not dismiss the prompt without an answer.
    dialog.addEventListener('cancel', (e) => e.preventDefault());
  }

  /** Shows the prompt until `deadline` (Date.now() ms), or updates nothing if already shown. */
  show(deadline: number): void {
    this.deadline = deadline;
    this.renderCountdown();
    if (this.dialog.open) return;
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.dialog.show();
    // Focus the prompt itself, not a button: keys typed on the desktop must not answer it.
    this.dialog.focus();
    this.countdownTimer = setInterval(() => this.renderCountdown(), 250);
  }

  hide(): void {
    clearInterval(this.countdownTimer);
    this.countdownTimer = undefined;
    if (!this.dialog.open) return;
    const hadFocus = this.dialog.contains(document.activeElement);
    this.dialog.close();
    if (hadFocus) this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private renderCountdown(): void {
    const s = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    const text = TEXT.consentCountdown(s);
    if (this.countdown.textContent !== text) this.countdown.textContent = text;
  }
}
