import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

interface VirtualizerInternals {
  _positionChildren(pos: unknown): void;
}

const patched = new WeakSet<object>();

/**
 * @lit-labs/virtualizer 2.1.1 walks all its row elements again for every row it
 * positions (its `_children` getter inside `_positionChildren`; lit/lit#5006), so a
 * layout pass is quadratic in the rows on screen. Wheel scrolling runs several passes
 * a frame and dropped the panel below 60 fps (bench/README.md, `bench:panel`). This
 * reads the rows once per pass. It touches the prototype once, and does nothing when
 * the internals are not the ones it expects (another version).
 */
export function patchVirtualizer(element: LitVirtualizer): void {
  const instance = (element as unknown as Record<symbol, object | undefined>)[virtualizerRef];
  if (!instance) return;
  const proto = Object.getPrototypeOf(instance) as VirtualizerInternals;
  if (patched.has(proto)) return;
  patched.add(proto);
  const children = Object.getOwnPropertyDescriptor(proto, '_children')?.get;
  const position = proto._positionChildren;
  if (!children || typeof position !== 'function') return;
  proto._positionChildren = function (this: object, pos: unknown) {
    Object.defineProperty(this, '_children', { value: children.call(this), configurable: true });
    try {
      position.call(this, pos);
    } finally {
      delete (this as { _children?: unknown })._children;
    }
  };
}
