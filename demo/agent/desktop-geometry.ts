/** Where things are on the simulated desktop, in desktop pixels. */

export const DESKTOP_WIDTH = 1280;
export const DESKTOP_HEIGHT = 720;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
}

export const TASKBAR: Rect = { x: 0, y: 656, width: DESKTOP_WIDTH, height: 64 };
export const TITLE_BAR_HEIGHT = 32;

/** The text editor window ("notes.txt - Text Editor"). */
export const EDITOR_WINDOW: Rect = { x: 48, y: 94, width: 740, height: 536 };
/** Its text area (below the title and menu bars). */
export const EDITOR_TEXT: Rect = { x: EDITOR_WINDOW.x + 1, y: EDITOR_WINDOW.y + TITLE_BAR_HEIGHT + 26, width: EDITOR_WINDOW.width - 2, height: EDITOR_WINDOW.height - TITLE_BAR_HEIGHT - 27 };

/** The dialog-like window holding the Submit button. */
export const FORM_WINDOW: Rect = { x: 836, y: 170, width: 396, height: 240 };
export const SUBMIT_BUTTON: Rect = { x: FORM_WINDOW.x + 128, y: FORM_WINDOW.y + 150, width: 140, height: 46 };

/** The task-manager screen's window and its Close button. */
export const TASK_MANAGER_WINDOW: Rect = { x: 240, y: 90, width: 800, height: 520 };
export const TASK_MANAGER_CLOSE: Rect = {
  x: TASK_MANAGER_WINDOW.x + TASK_MANAGER_WINDOW.width - 164,
  y: TASK_MANAGER_WINDOW.y + TASK_MANAGER_WINDOW.height - 64,
  width: 140,
  height: 44,
};

/**
 * The consent prompt as drawn into the frame (for viewers). The page's HTML
 * prompt (agent.css) is centred on the same point and at least as big, so
 * locally it covers the drawn one.
 */
export const CONSENT_PROMPT: Rect = { x: 370, y: 255, width: 540, height: 130 };
