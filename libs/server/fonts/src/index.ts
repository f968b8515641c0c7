import { FontFallback } from './font-fallback';
import { NOTO_FACES } from './noto-faces';

export * from './font-fallback';
export * from './noto-faces';
export * from './text-runs';

/** The Noto fallback that certificates and badges print with (one per process). */
export const NOTO = new FontFallback(NOTO_FACES);
