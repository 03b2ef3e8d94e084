import { contains, DESKTOP_HEIGHT, DESKTOP_WIDTH, SUBMIT_BUTTON, TASK_MANAGER_CLOSE } from './desktop-geometry.js';

export type Screen = 'desktop' | 'task-manager';

/** Something on the desktop a click can activate. */
type Target = 'submit' | 'close';

export interface KeyModifiers {
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
}

/** How long the Submit button stays highlighted after a click, in ms. */
export const SUBMIT_FLASH_MS = 350;
/** Only this much of the editor's text is kept (a demo, not a word processor). */
const MAX_EDITOR_CHARS = 20_000;

/**
 * The simulated desktop's state and what input does to it. Local and remote
 * input both end up here; who may send input is decided by the caller.
 */
export class Desktop {
  editorText = '';
  submitClicks = 0;
  screen: Screen = 'desktop';
  cursor = { x: Math.round(DESKTOP_WIDTH / 2), y: Math.round(DESKTOP_HEIGHT / 2) };
  /** performance.now() until which the Submit button is drawn flashing. */
  flashUntil = 0;
  /** What the primary button went down on, if it is still down. */
  pressed: Target | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A pointer event at desktop coordinates; `button` as in MouseEvent.button (0 = primary). */
  pointer(kind: 'move' | 'down' | 'up', x: number, y: number, button = 0): void {
    this.cursor = { x: clamp(Math.round(x), 0, DESKTOP_WIDTH - 1), y: clamp(Math.round(y), 0, DESKTOP_HEIGHT - 1) };
    if (button !== 0 || kind === 'move') return;
    const target = this.hitTest(this.cursor.x, this.cursor.y);
    if (kind === 'down') {
      this.pressed = target;
      return;
    }
    // A click is a down and an up on the same target.
    const pressed = this.pressed;
    this.pressed = null;
    if (target !== null && target === pressed) this.activate(target);
  }

  /**
   * A key press (`key` as in KeyboardEvent.key). Returns whether the desktop
   * used it, so local input knows to prevent the browser's default.
   */
  key(key: string, mods: KeyModifiers): boolean {
    if (this.screen === 'task-manager') {
      if (key !== 'Escape') return false;
      this.screen = 'desktop';
      return true;
    }
    if (key === 'Backspace') {
      if (mods.ctrl || mods.alt || mods.meta) return false;
      const chars = [...this.editorText];
      chars.pop();
      this.editorText = chars.join('');
      return true;
    }
    if (key === 'Enter') {
      if (mods.ctrl || mods.alt || mods.meta) return false;
      this.append('\n');
      return true;
    }
    // Printable: one character. Ctrl+Alt together is AltGr on Windows layouts.
    const shortcut = mods.meta || mods.ctrl !== mods.alt;
    if (!shortcut && [...key].length === 1) {
      this.append(key);
      return true;
    }
    return false;
  }

  /** Ctrl+Alt+Del: the secure screen with the task manager. */
  showTaskManager(): void {
    this.screen = 'task-manager';
    this.pressed = null;
  }

  private append(s: string): void {
    const text = this.editorText + s;
    this.editorText = text.length > MAX_EDITOR_CHARS ? text.slice(text.length - MAX_EDITOR_CHARS) : text;
  }

  private hitTest(x: number, y: number): Target | null {
    if (this.screen === 'desktop') return contains(SUBMIT_BUTTON, x, y) ? 'submit' : null;
    return contains(TASK_MANAGER_CLOSE, x, y) ? 'close' : null;
  }

  private activate(target: Target): void {
    if (target === 'submit') {
      this.submitClicks++;
      this.flashUntil = this.now() + SUBMIT_FLASH_MS;
    } else {
      this.screen = 'desktop';
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
