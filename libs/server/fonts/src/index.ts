/**
 * Printing names and text in any script the Noto families cover (certificates, badges):
 * - `NOTO.runs(text, bold)`: the text in runs, each in a face that has its glyphs;
 * - `textRuns(NOTO, text, bold)` / `visualOrder(runs)`: the same with bidi levels, in paint order;
 * - `NOTO.font(key)`: the parsed fontkit font of a run's face, once per process (pdfkit accepts it
 *   in `registerFont`); `NOTO.familyOf(key)` tells right-to-left and complex faces;
 * - `NOTO.missingGlyphs(text)`: what would print as empty boxes (for tests and checks).
 */
import { FontFallback } from './font-fallback';
import { NOTO_FACES } from './noto-faces';

export * from './font-fallback';
export * from './noto-faces';
export * from './text-runs';

/** The Noto fallback that certificates and badges print with (one per process). */
export const NOTO = new FontFallback(NOTO_FACES);
