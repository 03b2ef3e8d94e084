/**
 * Where unlocked keys live: a module-private WeakMap from the opaque handle a caller holds
 * to its non-extractable CryptoKey. Nothing reachable from the handle leads to the key, so
 * JSON, `Object.keys` or a debugger on the handle show only the public header. Not
 * exported from the package; tests import it to check the key really is non-extractable.
 */
const vault = new WeakMap<object, CryptoKey>();

export function keep(handle: object, key: CryptoKey): void {
  vault.set(handle, key);
}

export function cryptoKeyOf(handle: object): CryptoKey | undefined {
  return vault.get(handle);
}

export function forget(handle: object): boolean {
  return vault.delete(handle);
}
