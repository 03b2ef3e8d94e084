import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { contextMenuStyles } from './context-menu.styles.js';

/** One command of a {@link DemoContextMenu}. */
export interface MenuItem {
  id: string;
  label: string;
  icon?: TemplateResult;
  /** Draw a separator above this item. */
  separated?: boolean;
}

export interface MenuSelectDetail {
  id: string;
}

/**
 * A context menu placed at a point (the pointer, or a focused cell for
 * keyboard users). Arrow keys move between items, Enter/Space choose,
 * Escape and Tab close and give focus back; an outside click, a scroll or
 * a resize close it too.
 *
 * @event menu-select - `detail: { id }` after an item is chosen; focus is already restored.
 * @csspart menu - the menu box.
 * @cssproperty --demo-menu-bg, --demo-menu-fg, --demo-menu-border, --demo-menu-hover
 */
export class DemoContextMenu extends LitElement {
  static override styles = contextMenuStyles;

  static override properties = {
    items: { attribute: false },
    label: { type: String },
    open: { type: Boolean, reflect: true },
  };

  /** Commands in display order. */
  declare items: readonly MenuItem[];
  /** Accessible name of the menu. */
  declare label: string;
  /** Whether the menu is showing; use {@link show} and {@link hide}. */
  declare open: boolean;

  private at = { x: 0, y: 0 };
  private returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.items = [];
    this.label = 'Actions';
    this.open = false;
  }

  /** Opens the menu with its top-left corner at `at` (viewport px). */
  show(at: { x: number; y: number }, returnFocus: HTMLElement | null): void {
    this.at = at;
    this.returnFocus = returnFocus;
    this.open = true;
  }

  /** Closes the menu; `restoreFocus` gives focus back to where it came from. */
  hide(restoreFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (restoreFocus) this.returnFocus?.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listenOutside(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const menu = this.menu;
    if (!menu) return;
    if (this.open) {
      if (!menu.matches(':popover-open')) menu.showPopover();
      this.place(menu);
      this.menuItems()[0]?.focus({ preventScroll: true });
    } else if (menu.matches(':popover-open')) {
      menu.hidePopover();
    }
    this.listenOutside(this.open);
  }

  protected override render() {
    return html`<div
      role="menu"
      part="menu"
      popover="manual"
      aria-label=${this.label}
      @keydown=${this.onKeydown}
      @contextmenu=${(e: Event) => e.preventDefault()}
    >
      ${this.items.map(
        (item) => html`${item.separated ? html`<div role="separator"></div>` : nothing}
          <button type="button" role="menuitem" tabindex="-1" @click=${() => this.choose(item)}>
            ${item.icon ?? nothing}<span>${item.label}</span>
          </button>`,
      )}
    </div>`;
  }

  private get menu(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="menu"]');
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  /** Keeps the whole menu inside the viewport, flipping up/left near the edges. */
  private place(menu: HTMLElement): void {
    const { width, height } = menu.getBoundingClientRect();
    const margin = 4;
    let x = this.at.x;
    let y = this.at.y;
    if (x + width > innerWidth - margin) x = Math.max(margin, x - width);
    if (y + height > innerHeight - margin) y = Math.max(margin, y - height);
    // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
    menu.style.left = `${x}px`;
    menu.style.top = `${y}px`;
  }

  private choose(item: MenuItem): void {
    this.hide(true);
    this.dispatchEvent(
      new CustomEvent<MenuSelectDetail>('menu-select', { detail: { id: item.id }, bubbles: true, composed: true }),
    );
  }

  private onKeydown = (event: KeyboardEvent): void => {
    const items = this.menuItems();
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    const current = Math.max(0, items.findIndex((item) => item === focused));
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        event.stopPropagation();
        this.hide(true);
        return;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  private listening = false;

  private listenOutside(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    if (on) {
      document.addEventListener('pointerdown', this.onPointerdownOutside, true);
      window.addEventListener('scroll', this.onViewportChange, true);
      window.addEventListener('resize', this.onViewportChange);
    } else {
      document.removeEventListener('pointerdown', this.onPointerdownOutside, true);
      window.removeEventListener('scroll', this.onViewportChange, true);
      window.removeEventListener('resize', this.onViewportChange);
    }
  }

  private onPointerdownOutside = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.menu as EventTarget)) this.hide(false);
  };

  private onViewportChange = (): void => this.hide(false);
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-context-menu': DemoContextMenu;
  }
  interface HTMLElementEventMap {
    'menu-select': CustomEvent<MenuSelectDetail>;
  }
}
