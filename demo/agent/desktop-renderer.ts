import type { ControlState } from '../../packages/player/src/live/live-protocol.js';
import type { Desktop } from './desktop.js';
import {
  CONSENT_PROMPT,
  DESKTOP_HEIGHT,
  DESKTOP_WIDTH,
  EDITOR_TEXT,
  EDITOR_WINDOW,
  FORM_WINDOW,
  SUBMIT_BUTTON,
  TASK_MANAGER_CLOSE,
  TASK_MANAGER_WINDOW,
  TASKBAR,
  TITLE_BAR_HEIGHT,
  type Rect,
} from './desktop-geometry.js';
import { drawTimestampBlocks, TIMESTAMP_REGION } from './timestamp-blocks.js';
import { TEXT } from './strings.js';

/** What the page around the desktop wants shown inside the frame too. */
export interface Overlay {
  control: ControlState;
  frozen: boolean;
  /** Date.now() when the consent prompt times out; null when no prompt is up. */
  consentDeadline: number | null;
  /** The settings' message, shown while someone controls or froze the desktop. */
  notice: string | null;
}

const SANS = "system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
const MONO = "'DejaVu Sans Mono', 'Cascadia Mono', Consolas, ui-monospace, monospace";
const EDITOR_FONT = `18px ${MONO}`;
const EDITOR_LINE = 24;
const EDITOR_PAD = 10;

const PROCESSES: ReadonlyArray<readonly [name: string, pid: number, memMb: number]> = [
  ['explorer.exe', 4120, 86.4],
  ['notepad.exe', 7312, 12.9],
  ['msedge.exe', 9876, 412.3],
  ['Teams.exe', 11020, 298.7],
  ['OUTLOOK.EXE', 6644, 187.5],
  ['MonitoringAgent.exe', 2288, 41.2],
  ['svchost.exe', 1204, 23.8],
  ['SearchHost.exe', 5530, 64.1],
  ['RuntimeBroker.exe', 3398, 9.6],
];

/**
 * Draws the simulated desktop, one full frame per call. Everything costly to
 * draw (the wallpaper) is drawn once into an offscreen canvas.
 */
export class DesktopRenderer {
  private readonly wallpaper: HTMLCanvasElement;
  private charWidth = 0;

  constructor(private readonly ctx: CanvasRenderingContext2D) {
    this.wallpaper = paintWallpaper();
  }

  /** `wallNow` is Date.now() (the clock, the burned-in stamp); `now` is performance.now(). */
  draw(desktop: Desktop, overlay: Overlay, wallNow: number, now: number): void {
    const ctx = this.ctx;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    if (desktop.screen === 'desktop') {
      ctx.drawImage(this.wallpaper, 0, 0);
      this.drawEditor(desktop, now);
      this.drawForm(desktop, now);
    } else {
      this.drawTaskManager(desktop, wallNow);
    }
    this.drawTaskbar(desktop, wallNow);
    if (overlay.notice) this.drawNotice(overlay.notice, overlay);
    if (overlay.consentDeadline !== null) this.drawConsentPrompt(overlay.consentDeadline, wallNow);
    drawCursor(ctx, desktop.cursor.x, desktop.cursor.y);
    // Last, so nothing covers it.
    drawTimestampBlocks(ctx, wallNow);
  }

  private drawEditor(desktop: Desktop, now: number): void {
    const ctx = this.ctx;
    drawWindow(ctx, EDITOR_WINDOW, TEXT.editorTitle, true);
    // Menu bar.
    const menuY = EDITOR_WINDOW.y + TITLE_BAR_HEIGHT;
    ctx.fillStyle = '#f3f3f3';
    ctx.fillRect(EDITOR_WINDOW.x + 1, menuY, EDITOR_WINDOW.width - 2, 26);
    ctx.fillStyle = '#222';
    ctx.font = `14px ${SANS}`;
    let mx = EDITOR_WINDOW.x + 12;
    for (const item of TEXT.editorMenu) {
      ctx.fillText(item, mx, menuY + 13);
      mx += ctx.measureText(item).width + 20;
    }
    // Text area.
    const area = EDITOR_TEXT;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(area.x, area.y, area.width, area.height);
    ctx.font = EDITOR_FONT;
    if (this.charWidth === 0) this.charWidth = ctx.measureText('M').width || 11;
    const cols = Math.max(1, Math.floor((area.width - 2 * EDITOR_PAD) / this.charWidth));
    const rows = Math.max(1, Math.floor((area.height - 2 * EDITOR_PAD) / EDITOR_LINE));
    const lines = wrapTail(desktop.editorText, cols, rows);
    ctx.fillStyle = '#111';
    ctx.textBaseline = 'top';
    const top = area.y + EDITOR_PAD;
    lines.forEach((line, i) => ctx.fillText(line, area.x + EDITOR_PAD, top + i * EDITOR_LINE + 3));
    ctx.textBaseline = 'middle';
    // Caret after the last character, blinking.
    if (Math.floor(now / 530) % 2 === 0) {
      const last = lines.length - 1;
      const cx = area.x + EDITOR_PAD + [...(lines[last] ?? '')].length * this.charWidth;
      ctx.fillStyle = '#111';
      ctx.fillRect(Math.round(cx), top + last * EDITOR_LINE + 1, 2, EDITOR_LINE - 2);
    }
  }

  private drawForm(desktop: Desktop, now: number): void {
    const ctx = this.ctx;
    drawWindow(ctx, FORM_WINDOW, TEXT.formTitle, false);
    ctx.fillStyle = '#222';
    ctx.font = `16px ${SANS}`;
    ctx.fillText(TEXT.formPrompt, FORM_WINDOW.x + 24, FORM_WINDOW.y + TITLE_BAR_HEIGHT + 34);
    ctx.font = `bold 20px ${SANS}`;
    ctx.fillText(TEXT.submitCount(desktop.submitClicks), FORM_WINDOW.x + 24, FORM_WINDOW.y + TITLE_BAR_HEIGHT + 76);
    const flashing = now < desktop.flashUntil;
    const pressed = desktop.pressed === 'submit';
    const b = SUBMIT_BUTTON;
    ctx.fillStyle = flashing ? '#ffd60a' : pressed ? '#0a4fa8' : '#0f6cbd';
    ctx.fillRect(b.x, b.y, b.width, b.height);
    if (flashing) {
      ctx.strokeStyle = '#ff8c00';
      ctx.lineWidth = 4;
      ctx.strokeRect(b.x - 3, b.y - 3, b.width + 6, b.height + 6);
    }
    ctx.fillStyle = flashing ? '#111' : '#ffffff';
    ctx.font = `bold 18px ${SANS}`;
    ctx.textAlign = 'center';
    ctx.fillText(TEXT.submit, b.x + b.width / 2, b.y + b.height / 2 + 1);
    ctx.textAlign = 'left';
  }

  private drawTaskManager(desktop: Desktop, wallNow: number): void {
    const ctx = this.ctx;
    ctx.fillStyle = '#0b2a4a';
    ctx.fillRect(0, 0, DESKTOP_WIDTH, DESKTOP_HEIGHT);
    const w = TASK_MANAGER_WINDOW;
    ctx.fillStyle = '#c9d8ea';
    ctx.font = `16px ${SANS}`;
    ctx.fillText(TEXT.taskManagerHint, w.x, w.y + w.height + 24);
    drawWindow(ctx, w, TEXT.taskManagerTitle, true);
    ctx.fillStyle = '#111';
    ctx.font = `bold 26px ${SANS}`;
    ctx.fillText(TEXT.taskManagerTitle, w.x + 24, w.y + TITLE_BAR_HEIGHT + 32);
    // Process list.
    const cols = [w.x + 24, w.x + 360, w.x + 480, w.x + 620];
    let y = w.y + TITLE_BAR_HEIGHT + 74;
    ctx.fillStyle = '#e8eef6';
    ctx.fillRect(w.x + 12, y - 16, w.width - 24, 32);
    ctx.fillStyle = '#333';
    ctx.font = `bold 15px ${SANS}`;
    TEXT.taskManagerColumns.forEach((c, i) => ctx.fillText(c, cols[i]!, y));
    ctx.font = `15px ${SANS}`;
    const tick = Math.floor(wallNow / 1000);
    PROCESSES.forEach(([name, pid, mem], i) => {
      y += 34;
      if (i % 2 === 1) {
        ctx.fillStyle = '#f6f8fb';
        ctx.fillRect(w.x + 12, y - 17, w.width - 24, 34);
      }
      ctx.fillStyle = '#111';
      ctx.fillText(name, cols[0]!, y);
      ctx.fillText(String(pid), cols[1]!, y);
      ctx.fillText(`${(((tick * 7 + i * 13) % 37) / 10).toFixed(1)} %`, cols[2]!, y);
      ctx.fillText(`${mem.toFixed(1)} MB`, cols[3]!, y);
    });
    const c = TASK_MANAGER_CLOSE;
    ctx.fillStyle = desktop.pressed === 'close' ? '#8f1d14' : '#b42318';
    ctx.fillRect(c.x, c.y, c.width, c.height);
    ctx.fillStyle = '#fff';
    ctx.font = `bold 18px ${SANS}`;
    ctx.textAlign = 'center';
    ctx.fillText(TEXT.close, c.x + c.width / 2, c.y + c.height / 2 + 1);
    ctx.textAlign = 'left';
  }

  private drawTaskbar(desktop: Desktop, wallNow: number): void {
    const ctx = this.ctx;
    const t = TASKBAR;
    ctx.fillStyle = '#1b1f27';
    ctx.fillRect(t.x, t.y, t.width, t.height);
    ctx.fillStyle = '#2f81f7';
    ctx.fillRect(t.x + 12, t.y + 12, 40, 40);
    ctx.fillStyle = '#fff';
    ctx.fillRect(t.x + 22, t.y + 22, 9, 9);
    ctx.fillRect(t.x + 33, t.y + 22, 9, 9);
    ctx.fillRect(t.x + 22, t.y + 33, 9, 9);
    ctx.fillRect(t.x + 33, t.y + 33, 9, 9);
    ctx.font = `15px ${SANS}`;
    const items = desktop.screen === 'desktop' ? [TEXT.editorTitle, TEXT.formTitle] : [TEXT.taskManagerTitle];
    let x = t.x + 68;
    for (const item of items) {
      const w = Math.min(220, ctx.measureText(item).width + 28);
      ctx.fillStyle = '#2b313c';
      ctx.fillRect(x, t.y + 10, w, 44);
      ctx.fillStyle = '#2f81f7';
      ctx.fillRect(x, t.y + 51, w, 3);
      ctx.fillStyle = '#e6e8eb';
      ctx.fillText(item, x + 14, t.y + 32, w - 28);
      x += w + 8;
    }
    // The clock, local time with milliseconds, big enough to read on a scaled-down frame.
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold 34px ${MONO}`;
    ctx.textAlign = 'right';
    ctx.fillText(formatClock(new Date(wallNow)), t.x + t.width - 20, t.y + t.height / 2 + 1);
    ctx.textAlign = 'left';
  }

  private drawNotice(message: string, overlay: Overlay): void {
    const ctx = this.ctx;
    const detail = overlay.control === 'full' && overlay.frozen ? TEXT.noticeBoth : overlay.frozen ? TEXT.noticeFrozen : TEXT.noticeControl;
    ctx.font = `bold 18px ${SANS}`;
    const maxText = DESKTOP_WIDTH - 120;
    const textWidth = Math.min(maxText, Math.max(ctx.measureText(message).width, ctx.measureText(detail).width));
    const w = textWidth + 48;
    const h = 62;
    const x = Math.round((DESKTOP_WIDTH - w) / 2);
    const y = TIMESTAMP_REGION.height + 8;
    ctx.fillStyle = '#b54708';
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.fillText(message, DESKTOP_WIDTH / 2, y + 20, maxText);
    ctx.font = `14px ${SANS}`;
    ctx.fillText(detail, DESKTOP_WIDTH / 2, y + 44, maxText);
    ctx.textAlign = 'left';
  }

  private drawConsentPrompt(deadline: number, wallNow: number): void {
    const ctx = this.ctx;
    const { x, y, width: w, height: h } = CONSENT_PROMPT;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
    ctx.fillRect(0, 0, DESKTOP_WIDTH, TASKBAR.y);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = '#b54708';
    ctx.fillRect(x, y, w, 6);
    ctx.fillStyle = '#111';
    ctx.textAlign = 'center';
    ctx.font = `bold 20px ${SANS}`;
    ctx.fillText(TEXT.consentTitle, x + w / 2, y + 46, w - 32);
    ctx.font = `16px ${SANS}`;
    ctx.fillStyle = '#444';
    const seconds = Math.max(0, Math.ceil((deadline - wallNow) / 1000));
    ctx.fillText(TEXT.consentWaiting(seconds), x + w / 2, y + 90, w - 32);
    ctx.textAlign = 'left';
  }
}

/** HH:MM:SS.mmm, local time. */
export function formatClock(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** The last `rows` visual lines of `text` wrapped at `cols` characters. */
function wrapTail(text: string, cols: number, rows: number): string[] {
  // Only the tail can be visible: no need to wrap all of it.
  const tail = text.length > cols * rows * 2 ? text.slice(text.length - cols * rows * 2) : text;
  const out: string[] = [];
  for (const logical of tail.split('\n')) {
    const chars = [...logical];
    if (chars.length === 0) out.push('');
    for (let i = 0; i < chars.length; i += cols) out.push(chars.slice(i, i + cols).join(''));
    // A full last line puts the caret at the start of the next one.
    if (chars.length > 0 && chars.length % cols === 0) out.push('');
  }
  return out.slice(-rows);
}

function drawWindow(ctx: CanvasRenderingContext2D, r: Rect, title: string, active: boolean): void {
  ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
  ctx.fillRect(r.x + 6, r.y + 8, r.width, r.height);
  ctx.fillStyle = '#fbfbfb';
  ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.strokeStyle = '#8a8f98';
  ctx.lineWidth = 1;
  ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
  ctx.fillStyle = active ? '#dfe9f7' : '#eceff3';
  ctx.fillRect(r.x + 1, r.y + 1, r.width - 2, TITLE_BAR_HEIGHT - 1);
  ctx.fillStyle = '#111';
  ctx.font = `15px ${SANS}`;
  ctx.fillText(title, r.x + 14, r.y + TITLE_BAR_HEIGHT / 2 + 1, r.width - 150);
  // Minimise, maximise, close.
  const by = r.y + TITLE_BAR_HEIGHT / 2;
  const bx = r.x + r.width - 36;
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(bx - 90, by);
  ctx.lineTo(bx - 78, by);
  ctx.rect(bx - 50, by - 6, 12, 12);
  ctx.moveTo(bx - 6, by - 6);
  ctx.lineTo(bx + 6, by + 6);
  ctx.moveTo(bx + 6, by - 6);
  ctx.lineTo(bx - 6, by + 6);
  ctx.stroke();
}

function drawCursor(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x, y + 21);
  ctx.lineTo(x + 5, y + 16);
  ctx.lineTo(x + 9, y + 25);
  ctx.lineTo(x + 12.5, y + 23.5);
  ctx.lineTo(x + 8.5, y + 15);
  ctx.lineTo(x + 15, y + 15);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function paintWallpaper(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = DESKTOP_WIDTH;
  c.height = DESKTOP_HEIGHT;
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, DESKTOP_WIDTH, DESKTOP_HEIGHT);
  g.addColorStop(0, '#0f4c81');
  g.addColorStop(0.55, '#1f7a8c');
  g.addColorStop(1, '#5fa8a0');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, DESKTOP_WIDTH, DESKTOP_HEIGHT);
  // Soft rings, like a stock wallpaper.
  ctx.lineWidth = 40;
  for (let i = 0; i < 6; i++) {
    ctx.strokeStyle = `rgba(255, 255, 255, ${0.03 + i * 0.008})`;
    ctx.beginPath();
    ctx.arc(1040, 620, 160 + i * 90, 0, Math.PI * 2);
    ctx.stroke();
  }
  return c;
}
