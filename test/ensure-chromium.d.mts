/** Flags every Chromium we launch gets. */
export const CHROMIUM_ARGS: readonly string[];
/** $CHROME_PATH if set and present, else /usr/bin/chromium. */
export function chromiumPath(): string;
