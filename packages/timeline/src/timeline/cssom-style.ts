import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM only. Lit's `styleMap`
 * writes a `style` attribute on first render, which a strict
 * Content-Security-Policy (no 'unsafe-inline') blocks; CSSOM writes are allowed.
 *
 * Usage: `<div ${cssomStyle({ left: '10%' })}>`.
 */
class CssomStyleDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssomStyle() must be used in element position');
  }

  render(_styles: Record<string, string>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(styles));
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
